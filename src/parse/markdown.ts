import type {Paragraph} from 'nlcst'
import {decodeNamedCharacterReference} from 'decode-named-character-reference'
import {parse, postprocess, preprocess} from 'micromark'
import {frontmatter} from 'micromark-extension-frontmatter'
import {gfmFootnote} from 'micromark-extension-gfm-footnote'
import {gfmTable} from 'micromark-extension-gfm-table'
import {decodeNumericCharacterReference} from 'micromark-util-decode-numeric-character-reference'
import {decodeString} from 'micromark-util-decode-string'
import {normalizeIdentifier} from 'micromark-util-normalize-identifier'
import type {Event, Extension, Token} from 'micromark-util-types'
import type {DocumentFacts, MarkerFact} from '../engine/types.js'
import {linksInHtml} from './html-links.js'
import type {Locator} from './locator.js'
import {parseMarker} from './markers.js'
import {splitUrls, type Piece} from './pieces.js'
import {blockToParagraphs} from './to-nlcst.js'

/*
 * Markdown is read straight from micromark's events, the token stream that
 * remark-parse (through mdast-util-from-markdown) turns into a syntax tree.
 * We need only the prose of leaf blocks, with each character's offset in
 * the file, plus links, citation markers and comments: building the whole
 * mdast tree first (and then aligning its decoded text back to the file)
 * cost a third of the lint. Tokens carry exact offsets, so a prose run is a
 * slice of the file unless an escape or character reference interrupts it.
 *
 * Text runs end where mdast would end a `text` node (at emphasis, links,
 * code, HTML, breaks and footnote calls), so the prose handed to the
 * natural-language parser is what it was with the tree.
 */

/**
 * GFM footnotes (citation markers) and tables, and front matter, each only
 * when the document can contain it: the table construct is tried at the
 * start of every paragraph and costs a fifth of the parse. GFM's autolink
 * literals are not used at all: bare URLs are found by the linear URL
 * splitter instead, which also keeps them out of prose.
 */
const footnoteExtension = gfmFootnote()
const tableExtension = gfmTable()
const frontmatterExtension = frontmatter(['yaml', 'toml'])
const extensionSets = new Map<number, Extension[]>()

/**
 * A line that could be a table's delimiter row (`| --- | :-: |`), after
 * container markers: every cell of one has a dash, so a line of pipes and
 * spaces (common in compiler output inside code blocks) does not switch the
 * table construct on. Linear: after the prefix only `|`, `:` or `-` can come,
 * and those are not in the prefix's class.
 */
const delimiterRow = /^[ \t>]*(?:\|[ \t]*)?:?-[-:| \t]*$/m

function extensionsFor(doc: string): Extension[] {
  const table = doc.includes('|') && doc.includes('-') && delimiterRow.test(doc)
  const footnote = doc.includes('[^')
  const front = doc.startsWith('---') || doc.startsWith('+++') || doc.startsWith('\uFEFF---') || doc.startsWith('\uFEFF+++')
  const key = (table ? 1 : 0) | (footnote ? 2 : 0) | (front ? 4 : 0)
  let list = extensionSets.get(key)
  if (!list) {
    list = []
    if (footnote) list.push(footnoteExtension)
    if (table) list.push(tableExtension)
    if (front) list.push(frontmatterExtension)
    extensionSets.set(key, list)
  }

  return list
}

/** Tokens whose prose is read: the text of a paragraph, heading or table cell. */
const textTokens = new Set(['paragraph', 'atxHeadingText', 'setextHeadingText', 'tableContent'])
/** Tokens that make a prose block of their own. */
const leafTokens = new Set(['paragraph', 'atxHeading', 'setextHeading', 'tableHeader', 'tableData'])
/** Inline tokens that start or end a text run without being text themselves. */
const runBreaks = new Set(['emphasis', 'strong', 'strikethrough'])
/** Flow tokens that are nodes of the tree (siblings a comment marker can govern). */
const flowNodes = new Set([
  'paragraph',
  'atxHeading',
  'setextHeading',
  'codeFenced',
  'codeIndented',
  'htmlFlow',
  'thematicBreak',
  'blockQuote',
  'listOrdered',
  'listUnordered',
  'table',
  'definition',
  'gfmFootnoteDefinition'
])
/** Flow tokens that hold other flow. */
const flowContainers = new Set(['blockQuote', 'listOrdered', 'listUnordered', 'gfmFootnoteDefinition'])

/** A link being read: `[label](url)` or `[label][ref]`. */
interface OpenLink {
  readonly start: number
  /** Where the label's pieces begin in the block's pieces. */
  readonly firstPiece: number
  url: string | undefined
  identifier: string | undefined
  labelText: string | undefined
  /** Whether the label is plain text (no emphasis, code or other constructs). */
  plainLabel: boolean
}

/** Siblings of a comment marker: the scope is a container and, in lists, the item. */
interface Scope {
  item: number
}

/** A comment marker waiting for the node after it. */
interface Waiting {
  readonly marker: MarkerFact
  readonly scope: Scope
  readonly item: number
}

/** Parse Markdown and cut it into prose blocks, collecting links, citations and markers. */
export function parseMarkdown(doc: string, locator: Locator): {paragraphs: Paragraph[]; facts: DocumentFacts} {
  // Events take about a hundred bytes per character: read them into prose blocks first, and let them go before the
  // natural-language parser (which allocates much) runs, so young-generation collections do not keep copying them.
  let events: Event[] | undefined = postprocess(parse({extensions: extensionsFor(doc)}).document().write(preprocess()(doc, undefined, true)))
  const proseBlocks: Array<{pieces: Piece[]; start: number; end: number}> = []
  const shift = doc.charCodeAt(0) === 0xfeff ? 1 : 0
  const facts: DocumentFacts = {format: 'markdown', links: [], citations: [], markers: [], blocks: []}
  const definitions = new Map<string, string>()
  const references: Array<{id: string; start: number; end: number}> = []

  // The prose block being read.
  let pieces: Piece[] = []
  let blockStart = -1
  let textDepth = 0
  // The text run being read: slices of the file (`start` to `end`), or decoded characters (`values`) placed at `start`.
  const runValues: Array<string | undefined> = []
  const runStarts: number[] = []
  const runEnds: number[] = []
  // A token whose inside is skipped (code, images, link destinations, …) until its exit.
  let skip: Token | undefined
  let link: OpenLink | undefined
  let definition: {id: string | undefined; url: string} | undefined
  let breakStart = -1
  let referenceStart = 0
  let referenceBase = 0
  let html: {start: number; parts: string[]} | undefined
  // Comment markers waiting for the node after them, and the nodes they govern.
  const scopes: Scope[] = [{item: 0}]
  let waiting: Waiting[] = []
  const governed = new Map<Token, MarkerFact[]>()

  // An indexed loop: destructuring through the array iterator allocates a result per event until the loop is optimized.
  for (let index = 0; index < events.length; index++) {
    const event = events[index]!
    const kind = event[0]
    const token = event[1]
    const type: string = token.type

    if (skip) {
      if (kind !== 'exit') continue
      if (token !== skip) {
        if (skip.type === 'resource' && type === 'resourceDestinationString') link!.url = decodeString(slice(token))
        else if (skip.type === 'reference' && type === 'referenceString') link!.identifier = normalizeIdentifier(slice(token)).toLowerCase()
        else if (definition && type === 'definitionLabelString') definition.id = normalizeIdentifier(slice(token)).toLowerCase()
        else if (definition && type === 'definitionDestinationString') definition.url = decodeString(slice(token))
        continue
      }

      skip = undefined
    } else if (kind === 'enter') {
      if (breakStart !== -1 && type !== 'lineEnding') endBreak(startOf(token))

      if (textDepth > 0) {
        if (type === 'data' || type === 'characterEscapeValue' || type === 'lineEnding') {
          if (breakStart === -1) addSegment(startOf(token), endOf(token))
          else endBreak(endOf(token))
          continue
        }

        if (type === 'characterReference') {
          referenceStart = startOf(token)
          referenceBase = 0
        } else if (type === 'characterReferenceMarkerNumeric') {
          referenceBase = 10
        } else if (type === 'characterReferenceMarkerHexadecimal') {
          referenceBase = 16
        } else if (type === 'characterReferenceValue') {
          const raw = slice(token)
          const value = referenceBase === 0 ? decodeNamedCharacterReference(raw) : decodeNumericCharacterReference(raw, referenceBase)
          if (value) addDecoded(value, referenceStart)
        } else if (runBreaks.has(type)) {
          interruptRun()
        } else if (type === 'link') {
          flushRun()
          link = {start: startOf(token), firstPiece: pieces.length, url: undefined, identifier: undefined, labelText: undefined, plainLabel: true}
        } else if (type === 'labelText') {
          if (link) link.labelText = slice(token)
        } else if (type === 'resource' || type === 'reference') {
          skip = token
        } else if (type === 'image') {
          interruptRun()
          skip = token
        } else if (type === 'codeText' || type === 'htmlText' || type === 'autolink') {
          interruptRun()
          inlineLiteral(token)
          skip = token
        } else if (type === 'hardBreakEscape' || type === 'hardBreakTrailing') {
          interruptRun()
          breakStart = startOf(token)
          skip = token
        } else if (type === 'gfmFootnoteCall') {
          interruptRun()
          facts.citations.push(startOf(token))
          skip = token
        }

        continue
      }

      if (html) {
        if (type === 'htmlFlowData') html.parts.push(slice(token))
        else if (type === 'lineEnding') html.parts.push(doc.startsWith('\r\n', startOf(token)) ? '\r\n' : doc.charAt(startOf(token)))
        continue
      }

      if (flowNodes.has(type)) noteFlowNode(token)
      if (textTokens.has(type)) textDepth++
      if (leafTokens.has(type)) {
        pieces = []
        blockStart = startOf(token)
      } else if (flowContainers.has(type)) {
        scopes.push({item: 0})
      } else if (type === 'listItemPrefix') {
        scopes.at(-1)!.item++
      } else if (type === 'htmlFlow') {
        html = {start: startOf(token), parts: []}
      } else if (type === 'definition') {
        definition = {id: undefined, url: ''}
        skip = token
      } else if (type === 'codeFenced' || type === 'codeIndented' || type === 'yaml' || type === 'toml') {
        skip = token
      }

      continue
    }

    // Exit (of a skipped token too).
    if (textTokens.has(type)) textDepth--
    if (textDepth > 0) {
      if (runBreaks.has(type)) flushRun()
      else if (type === 'link' && link) closeLink(token)
    } else if (leafTokens.has(type)) {
      if (breakStart !== -1) endBreak(endOf(token))
      flushRun()
      if (link) closeLink(token)
      if (pieces.length > 0) proseBlocks.push({pieces, start: blockStart, end: endOf(token)})
      pieces = []
      blockStart = -1
    } else if (type === 'htmlFlow' && html) {
      closeHtml(token)
    } else if (type === 'definition' && definition) {
      // The first definition of a label wins, as in CommonMark.
      if (definition.id !== undefined && !definitions.has(definition.id)) definitions.set(definition.id, definition.url)
      definition = undefined
    } else if (flowContainers.has(type)) {
      const scope = scopes.pop()
      for (const entry of waiting) if (entry.scope === scope) facts.markers.push(entry.marker)
      waiting = waiting.filter((entry) => entry.scope !== scope)
    }

    const markers = governed.size > 0 ? governed.get(token) : undefined
    if (markers) {
      for (const marker of markers) facts.markers.push({...marker, nextEnd: endOf(token)})
      governed.delete(token)
    }
  }

  events = undefined

  const paragraphs: Paragraph[] = []
  for (const block of proseBlocks) {
    const made = blockToParagraphs(block.pieces, locator)
    if (made.length > 0) {
      facts.blocks.push({start: block.start, end: block.end})
      for (const paragraph of made) paragraphs.push(paragraph)
    }
  }

  for (const entry of waiting) facts.markers.push(entry.marker)

  for (const reference of references) {
    const url = definitions.get(reference.id)
    if (url !== undefined) facts.links.push({url, start: reference.start, end: reference.end, rel: [], kind: 'reference'})
  }

  facts.links.sort((a, b) => a.start - b.start)
  facts.citations.sort((a, b) => a - b)
  facts.markers.sort((a, b) => a.start - b.start)
  return {paragraphs, facts}

  // micromark drops a byte order mark before counting offsets; the file keeps it.
  function startOf(token: Token): number {
    return token.start.offset + shift
  }

  function endOf(token: Token): number {
    return token.end.offset + shift
  }

  function slice(token: Token): string {
    return doc.slice(startOf(token), endOf(token))
  }

  function addSegment(start: number, end: number): void {
    if (start >= end) return
    const last = runEnds.length - 1
    if (last >= 0 && runEnds[last] === start && runValues[last] === undefined) {
      runEnds[last] = end
      return
    }

    runValues.push(undefined)
    runStarts.push(start)
    runEnds.push(end)
  }

  function addDecoded(value: string, at: number): void {
    runValues.push(value)
    runStarts.push(at)
    runEnds.push(at + 1)
  }

  /** End the text run: one piece, a slice of the file when it is one, with character offsets otherwise. */
  function flushRun(): void {
    const count = runStarts.length
    if (count === 0) return
    let piece: Piece
    if (count === 1 && runValues[0] === undefined) {
      piece = {kind: 'text', value: doc.slice(runStarts[0], runEnds[0]), offsets: runStarts[0]!}
    } else {
      let value = ''
      for (let index = 0; index < count; index++) value += runValues[index] ?? doc.slice(runStarts[index], runEnds[index])
      const offsets = new Int32Array(value.length + 1)
      let cursor = 0
      for (let index = 0; index < count; index++) {
        const decoded = runValues[index]
        const start = runStarts[index]!
        const length = decoded === undefined ? runEnds[index]! - start : decoded.length
        for (let offset = 0; offset < length; offset++) offsets[cursor++] = decoded === undefined ? start + offset : start
      }

      offsets[cursor] = runEnds[count - 1]!
      piece = {kind: 'text', value, offsets}
    }

    clearRun()
    for (const part of splitUrls(piece, onBareUrl)) pieces.push(part)
  }

  /** Something other than text (emphasis, code, an image, …) ends the text run, and makes a link's label more than plain text. */
  function interruptRun(): void {
    flushRun()
    if (link) link.plainLabel = false
  }

  function clearRun(): void {
    runValues.length = 0
    runStarts.length = 0
    runEnds.length = 0
  }

  function onBareUrl(url: string, start: number, end: number): void {
    facts.links.push({url, start, end, rel: [], kind: 'bare'})
  }

  /** A hard break, through the line ending after it, is literal material. */
  function endBreak(end: number): void {
    pieces.push({kind: 'source', value: doc.slice(breakStart, end), offsets: breakStart})
    breakStart = -1
  }

  /** Code, inline HTML and `<autolinks>` stay in the prose as literal material. */
  function inlineLiteral(token: Token): void {
    const start = startOf(token)
    const value = slice(token)
    if (token.type === 'htmlText') {
      for (const found of linksInHtml(value, start)) facts.links.push(found)
    } else if (token.type === 'autolink') {
      const inner = value.slice(1, -1)
      const url = /^[a-z][a-z\d+.-]*:/i.test(inner) ? inner : 'mailto:' + inner
      facts.links.push({url, start, end: endOf(token), rel: [], kind: 'autolink'})
    }

    pieces.push({kind: 'source', value, offsets: start})
  }

  function closeLink(token: Token): void {
    const open = link!
    link = undefined
    const start = open.start
    const end = endOf(token)
    if (open.url !== undefined) {
      const url = open.url
      const label = open.plainLabel && open.labelText !== undefined ? decodeString(open.labelText) : undefined
      const bare = (value: string) => value.replace(/^https?:\/\//, '')
      const isAutolink = label !== undefined && (url === label || url === 'mailto:' + label || bare(url) === bare(label))
      facts.links.push({url, start, end, rel: [], kind: isAutolink ? 'autolink' : 'inline'})
      if (isAutolink) {
        // The label is the address again: literal material, not prose (nor a bare URL of its own).
        clearRun()
        pieces.length = open.firstPiece
        pieces.push({kind: 'source', value: doc.slice(start, end), offsets: start})
        return
      }

      flushRun()
    } else {
      flushRun()
      references.push({id: open.identifier ?? normalizeIdentifier(open.labelText ?? '').toLowerCase(), start, end})
    }
  }

  function closeHtml(token: Token): void {
    const {start, parts} = html!
    html = undefined
    const value = parts.join('')
    const marker = value.startsWith('<!--') ? parseMarker(value, start, endOf(token), undefined) : undefined
    if (marker) {
      const scope = scopes.at(-1)!
      waiting.push({marker, scope, item: scope.item})
    } else {
      for (const found of linksInHtml(value, start)) facts.links.push(found)
    }
  }

  /** A flow node starts: markers waiting in its scope govern it if it is in their list item, else nothing. */
  function noteFlowNode(token: Token): void {
    if (waiting.length === 0) return
    const scope = scopes.at(-1)!
    let mine: MarkerFact[] | undefined
    const rest: Waiting[] = []
    for (const entry of waiting) {
      if (entry.scope !== scope) rest.push(entry)
      else if (entry.item === scope.item) (mine ??= []).push(entry.marker)
      else facts.markers.push(entry.marker)
    }

    waiting = rest
    if (mine) governed.set(token, mine)
  }
}
