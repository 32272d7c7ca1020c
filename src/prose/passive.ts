import type {Nodes, Parents, Root, SentenceContent} from 'nlcst'
import {isLiteral} from 'nlcst-is-literal'
import {toString} from 'nlcst-to-string'
import {pointEnd, pointStart} from 'unist-util-position'
import type {VFile} from 'vfile'
import {passiveList} from './passive-list.js'
import {wordText} from './word-text.js'

/** Options of `passive`, the same as `retext-passive`'s. */
export interface PassiveOptions {
  /** Phrases *not* to warn about (default: `[]`). */
  readonly ignore?: readonly string[] | null | undefined
}

const verbs = new Set(['am', 'are', 'were', 'being', 'is', 'been', 'was', 'be'])

/**
 * `retext-passive` 5, with the same list and the same messages, but cheaper:
 * `nlcst-search` asks `nlcst-is-literal` about every word of the document
 * before it looks the word up; this looks the (normalized) word up in a map
 * first and asks about literals only for the few words that could match.
 * Both are pure, so the order does not change results.
 *
 * `test/prose-equivalence.test.js` compares messages with the published
 * plugin on a generated corpus.
 */
export function passive(options?: PassiveOptions | null): (tree: Root, file: VFile) => undefined {
  const ignore = options?.ignore ?? []
  const phrases = ignore.length > 0 ? passiveList.filter((d) => !ignore.includes(d)) : [...passiveList]

  // Like `nlcst-search`: phrases by their normalized first word, `*` for wildcards.
  const byWord = new Map<string, string[]>([['*', []]])
  for (const phrase of phrases) {
    const first = normalize(phrase.split(' ', 1)[0] ?? '')
    const list = byWord.get(first)
    if (list) list.push(phrase)
    else byWord.set(first, [phrase])
  }

  const wildcards = byWord.get('*') ?? []

  return function (tree, file) {
    eachWord(tree, function (node, position, parent) {
      const word = normalize(wordText(node))
      const own = byWord.get(word)
      const candidates = own ? [...wildcards, ...own] : wildcards
      if (candidates.length === 0 || isLiteral(parent, position)) return

      for (const phrase of candidates) {
        const match = test(phrase, position, parent)
        if (match) report(file, match, position, parent, phrase)
      }
    })

    return undefined
  }
}

function report(file: VFile, match: SentenceContent[], index: number, parent: Parents, phrase: string): void {
  const before = findWordBefore(parent, index)
  if (!before || !verbs.has(wordText(before).toLowerCase())) return

  const start = pointStart(match[0])
  const end = pointEnd(match[match.length - 1])
  const message = file.message('Unexpected use of the passive voice', {
    ancestors: [parent],
    place: start && end ? {start, end} : undefined,
    source: 'retext-passive',
    ruleId: phrase.replace(/\s+/g, '-').toLowerCase()
  })
  message.actual = toString(match)
  message.expected = []
  message.url = 'https://github.com/retextjs/retext-passive#readme'
}

/** Every word with its index and parent, in preorder (like `visit(tree, 'WordNode')`). */
function eachWord(node: Nodes, each: (word: Nodes, index: number, parent: Parents) => void): void {
  if (!('children' in node)) return
  const children: readonly Nodes[] = node.children
  for (let index = 0; index < children.length; index++) {
    const child = children[index]!
    if (child.type === 'WordNode') each(child, index, node)
    if ('children' in child) eachWord(child, each)
  }
}

/** Test the rest of a phrase after its first word (as `nlcst-search` does). */
function test(phrase: string, position: number, parent: Parents): SentenceContent[] | undefined {
  const siblings = parent.children as SentenceContent[]
  const start = position
  const expressions = phrase.split(' ').slice(1)
  position++
  for (const expression of expressions) {
    while (position < siblings.length && siblings[position]!.type === 'WhiteSpaceNode') position++
    const sibling = siblings[position]
    if (!sibling || sibling.type !== 'WordNode' || (expression !== '*' && normalize(expression) !== normalize(wordText(sibling)))) return undefined
    position++
  }

  return siblings.slice(start, position)
}

/** The closest word before `index` in `parent` (like `findBefore(parent, index, 'WordNode')`). */
function findWordBefore(parent: Parents, index: number): Nodes | undefined {
  const children: readonly Nodes[] = parent.children
  let at = Math.min(index, children.length)
  while (at--) {
    const child = children[at]!
    if (child.type === 'WordNode') return child
  }

  return undefined
}

/** `nlcst-normalize` with default options: lowercase, no dashes, no apostrophes (straight or curly). */
function normalize(value: string): string {
  const lower = value.toLowerCase()
  return dashOrApostrophe.test(lower) ? lower.replace(dashesAndApostrophes, '') : lower
}

const dashOrApostrophe = /[-'’]/
const dashesAndApostrophes = /[-'’]/g
