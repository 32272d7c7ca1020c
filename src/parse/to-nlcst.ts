import type {Nodes, Paragraph, Parents, Root, RootContent, Sentence, SentenceContent, Source} from 'nlcst'
import {ParseEnglish} from 'parse-english'
import type {Locator} from './locator.js'
import {chunkPieces, offsetOf, type Piece} from './pieces.js'
import {literalNode, parentNode, position} from './plain.js'
import {tokenize} from './tokenize.js'

const terminalMarker = /^[!.?\u2026\u203D]+$/

/** One parser for the process, for its sentence and paragraph plugins (which keep no per-document state); `tokenize.ts` makes the tokens. */
const parser = new ParseEnglish()

/**
 * Turn the prose pieces of one block into nlcst paragraphs whose positions
 * point into the original file.
 *
 * Each block (and each long block's chunk) is handed to the parser on its
 * own, which keeps the cost of parse-latin's splicing sentence plugins
 * bounded by the block, not the document.
 */
export function blockToParagraphs(pieces: readonly Piece[], locator: Locator): Paragraph[] {
  const paragraphs: Paragraph[] = []
  for (const chunk of chunkPieces(pieces)) {
    const content = Array.of<SentenceContent>()
    for (const piece of chunk) {
      if (piece.value.length === 0) continue
      if (piece.kind === 'source') {
        const node = literalNode<Source>('SourceNode', piece.value)
        place(node, offsetOf(piece, 0), offsetOf(piece, piece.value.length - 1) + 1, locator)
        content.push(node)
      } else {
        const nodes = tokenize(piece.value)
        patch(nodes, piece, 0, locator)
        content.push(...nodes)
      }
    }

    if (content.length === 0) continue
    const sentence: Sentence = {type: 'SentenceNode', children: content}
    for (const plugin of parser.tokenizeSentencePlugins) plugin(sentence)
    const paragraph = parentNode<Paragraph>('ParagraphNode', split(sentence.children))
    for (const plugin of parser.tokenizeParagraphPlugins) plugin(paragraph)
    fixPositions(paragraph)
    if (paragraph.position) paragraphs.push(paragraph)
  }

  return paragraphs
}

/** Assemble paragraphs into a root. */
export function toRoot(paragraphs: Paragraph[], locator: Locator, length: number): Root {
  const root: Root = {type: 'RootNode', children: paragraphs as RootContent[]}
  root.position = position(locator.toPoint(0), locator.toPoint(length))
  return root
}

/**
 * Give the parser's nodes places in the file. Children first: a parent spans
 * its children and shares their points, and neighbours share the point
 * between them (one object per boundary, not two), which keeps the tree's
 * allocations (and collections) down.
 */
function patch(nodes: ReadonlyArray<Parents['children'][number]>, piece: Piece, index: number, locator: Locator): number {
  let cursor = index
  for (const node of nodes) {
    const begin = cursor
    if ('children' in node && node.children.length > 0) {
      cursor = patch(node.children, piece, cursor, locator)
      const first = node.children[0]!.position
      const last = node.children[node.children.length - 1]!.position
      if (first && last) {
        node.position = position(first.start, last.end)
        continue
      }
    } else if ('value' in node) {
      cursor += node.value.length
    }

    const start = offsetOf(piece, begin)
    place(node, start, cursor > begin ? offsetOf(piece, cursor - 1) + 1 : start, locator)
  }

  return cursor
}

function place(node: {position?: unknown}, start: number, end: number, locator: Locator): void {
  node.position = position(locator.toPoint(start), locator.toPoint(end))
}

/** Split sentence content at terminal punctuation into sentences. */
function split(children: SentenceContent[]): Sentence[] {
  const sentences = Array.of<Sentence>()
  let start = 0
  for (let index = 0; index < children.length; index++) {
    const child = children[index]
    if (!child) continue
    if (index === children.length - 1 || (child.type === 'PunctuationNode' && terminalMarker.test(child.value))) {
      sentences.push(parentNode<Sentence>('SentenceNode', children.slice(start, index + 1)))
      start = index + 1
    }
  }

  return sentences
}

/** Plugins merge and move nodes: give every parent the span of its children. */
function fixPositions(node: Nodes): void {
  if (!('children' in node)) return
  let first: Nodes | undefined
  let last: Nodes | undefined
  for (const child of node.children) {
    fixPositions(child)
    if (child.position) {
      if (!first) first = child
      last = child
    }
  }

  if (first?.position && last?.position) {
    const own = node.position
    if (!own || own.start !== first.position.start || own.end !== last.position.end) {
      node.position = position(first.position.start, last.position.end)
    }
  } else {
    delete node.position
  }
}

/** Collects the pieces of the block being read and turns each finished block into paragraphs. */
export interface BlockCollector {
  /** Add pieces to the current block, which spans at least `start` to `end` in the file. */
  readonly add: (pieces: readonly Piece[], start: number, end: number) => void
  /** End the current block. */
  readonly flush: () => void
  readonly paragraphs: Paragraph[]
}

/** Start collecting blocks; each finished block's span is recorded in `blocks`. */
export function createBlockCollector(locator: Locator, blocks: Array<{readonly start: number; readonly end: number}>): BlockCollector {
  const paragraphs: Paragraph[] = []
  let pieces: Piece[] = []
  let blockStart = -1
  let blockEnd = -1
  return {
    paragraphs,
    add(more, start, end) {
      if (blockStart === -1) blockStart = start
      blockEnd = end
      pieces.push(...more)
    },
    flush() {
      if (pieces.length === 0) return
      const made = blockToParagraphs(pieces, locator)
      if (made.length > 0) {
        blocks.push({start: blockStart, end: blockEnd})
        paragraphs.push(...made)
      }

      pieces = []
      blockStart = -1
      blockEnd = -1
    }
  }
}
