import type {SentenceContent, Text, Word} from 'nlcst'
import {runKinds, runStarts} from './char-classes.generated.js'
import {literalNode, parentNode} from './plain.js'

const word = 1
const whiteSpace = 2
const punctuation = 3
const symbol = 4
const types = ['', 'WordNode', 'WhiteSpaceNode', 'PunctuationNode', 'SymbolNode'] as const

/** The class of every UTF-16 code unit, as `parse-latin` reads them (one at a time, so astral characters are symbols). */
const classes = new Uint8Array(0x10000)
for (let run = 0; run < runStarts.length; run++) {
  const kind = runKinds.charAt(run)
  classes.fill(kind === 'w' ? word : kind === ' ' ? whiteSpace : kind === 'p' ? punctuation : symbol, runStarts[run], runStarts[run + 1] ?? 0x10000)
}

/**
 * `parse-latin`'s `tokenize`, node for node, without positions: runs of word
 * characters make a word (with one text node), runs of white space one white
 * space node, and each punctuation or symbol character its own node unless it
 * repeats (`--`, `...`) or is a surrogate half.
 *
 * The published tokenizer also gives every node a position relative to the
 * string, which the caller throws away and replaces with places in the file;
 * and its object literals are the allocation sites V8 learned to allocate in
 * the old generation (see `plain.ts`). Same nodes, proven by
 * `test/tokenize-equivalence.test.js`.
 */
export function tokenize(value: string): SentenceContent[] {
  const children = Array.of<SentenceContent>()
  let from = 0
  let previousType = 0
  let previous = -1
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index)
    const type = classes[code]!
    if (
      index > from &&
      !(previousType === type && (type === word || type === whiteSpace || code === previous || (code >= 0xd800 && code <= 0xdfff)))
    ) {
      children.push(make(previousType, value.slice(from, index)))
      from = index
    }

    previousType = type
    previous = code
  }

  if (from < value.length) children.push(make(previousType, value.slice(from)))
  return children
}

function make(type: number, value: string): SentenceContent {
  if (type === word) return parentNode<Word>('WordNode', Array.of(literalNode<Text>('TextNode', value)))
  return literalNode<Exclude<SentenceContent, Word>>(types[type] as Exclude<SentenceContent, Word>['type'], value)
}
