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
  // Events take about a hundred bytes per character: they are read into prose blocks (and let go, on return from
  // `read`) before the natural-language parser (which allocates much) runs, so young-generation collections do not
  // keep copying them.
  return read(doc).finish(locator)
}

function read(doc: string): Reader {
  const events: Event[] = postprocess(parse({extensions: extensionsFor(doc)}).document().write(preprocess()(doc, undefined, true)))
  const reader = new Reader(doc)
  // An indexed loop: destructuring through the array iterator allocates a result per event until the loop is optimized.
  for (let index = 0; index < events.length; index++) {
    const event = events[index]!
    if (event[0] === 'enter') reader.enter(event[1])
    else reader.exit(event[1])
  }

  return reader
}

/**
 * The state of reading one document's events. Each kind of event has a small
 * method of its own rather than a branch of one big loop: V8 compiles (and,
 * when a rare branch is first taken, recompiles) a function whole, and the
 * one big function was a fifth of all optimizing compilation in a run.
 */
class Reader {
  readonly doc: string
  /** micromark drops a byte order mark before counting offsets; the file keeps it. */
  readonly shift: number
  readonly facts: DocumentFacts = {format: 'markdown', links: [], citations: [], markers: [], blocks: []}
  readonly proseBlocks: Array<{pieces: Piece[]; start: number; end: number}> = []
  readonly definitions = new Map<string, string>()
  readonly references: Array<{id: string; start: number; end: number}> = []

  // The prose block being read.
  pieces: Piece[] = []
  blockStart = -1
  textDepth = 0
  // The text run being read: slices of the file (`start` to `end`), or decoded characters (`values`) placed at `start`.
  readonly runValues: Array<string | undefined> = []
  readonly runStarts: number[] = []
  readonly runEnds: number[] = []
  /** A token whose inside is skipped (code, images, link destinations, …) until its exit. */
  skip: Token | undefined = undefined
  link: OpenLink | undefined = undefined
  definition: {id: string | undefined; url: string} | undefined = undefined
  breakStart = -1
  referenceStart = 0
  referenceBase = 0
  html: {start: number; parts: string[]} | undefined = undefined
  // Comment markers waiting for the node after them, and the nodes they govern.
  readonly scopes: Scope[] = [{item: 0}]
  waiting: Waiting[] = []
  readonly governed = new Map<Token, MarkerFact[]>()

  constructor(doc: string) {
    this.doc = doc
    this.shift = doc.charCodeAt(0) === 0xfeff ? 1 : 0
  }

  enter(token: Token): void {
    if (this.skip) return
    const type: string = token.type
    if (this.breakStart !== -1 && type !== 'lineEnding') this.endBreak(this.startOf(token))
    if (this.textDepth > 0) {
      if (type === 'data' || type === 'characterEscapeValue' || type === 'lineEnding') {
        if (this.breakStart === -1) this.addSegment(this.startOf(token), this.endOf(token))
        else this.endBreak(this.endOf(token))
      } else {
        this.enterInline(token, type)
      }
    } else if (this.html) {
      this.enterHtmlFlow(token, type)
    } else {
      this.enterFlow(token, type)
    }
  }

  /** Inside text: a construct other than plain characters. */
  enterInline(token: Token, type: string): void {
    if (type === 'characterReference') {
      this.referenceStart = this.startOf(token)
      this.referenceBase = 0
    } else if (type === 'characterReferenceMarkerNumeric') {
      this.referenceBase = 10
    } else if (type === 'characterReferenceMarkerHexadecimal') {
      this.referenceBase = 16
    } else if (type === 'characterReferenceValue') {
      const raw = this.slice(token)
      const value = this.referenceBase === 0 ? decodeNamedCharacterReference(raw) : decodeNumericCharacterReference(raw, this.referenceBase)
      if (value) this.addDecoded(value, this.referenceStart)
    } else if (runBreaks.has(type)) {
      this.interruptRun()
    } else if (type === 'link') {
      this.flushRun()
      this.link = {start: this.startOf(token), firstPiece: this.pieces.length, url: undefined, identifier: undefined, labelText: undefined, plainLabel: true}
    } else if (type === 'labelText') {
      if (this.link) this.link.labelText = this.slice(token)
    } else if (type === 'resource' || type === 'reference') {
      this.skip = token
    } else if (type === 'image') {
      this.interruptRun()
      this.skip = token
    } else if (type === 'codeText' || type === 'htmlText' || type === 'autolink') {
      this.interruptRun()
      this.inlineLiteral(token)
      this.skip = token
    } else if (type === 'hardBreakEscape' || type === 'hardBreakTrailing') {
      this.interruptRun()
      this.breakStart = this.startOf(token)
      this.skip = token
    } else if (type === 'gfmFootnoteCall') {
      this.interruptRun()
      this.facts.citations.push(this.startOf(token))
      this.skip = token
    }
  }

  /** Inside flow HTML: its lines, kept whole. */
  enterHtmlFlow(token: Token, type: string): void {
    const html = this.html!
    if (type === 'htmlFlowData') html.parts.push(this.slice(token))
    else if (type === 'lineEnding') html.parts.push(this.doc.startsWith('\r\n', this.startOf(token)) ? '\r\n' : this.doc.charAt(this.startOf(token)))
  }

  /** Outside text: blocks and containers. */
  enterFlow(token: Token, type: string): void {
    if (flowNodes.has(type)) this.noteFlowNode(token)
    if (textTokens.has(type)) this.textDepth++
    if (leafTokens.has(type)) {
      this.pieces = []
      this.blockStart = this.startOf(token)
    } else if (flowContainers.has(type)) {
      this.scopes.push({item: 0})
    } else if (type === 'listItemPrefix') {
      this.scopes.at(-1)!.item++
    } else if (type === 'htmlFlow') {
      this.html = {start: this.startOf(token), parts: []}
    } else if (type === 'definition') {
      this.definition = {id: undefined, url: ''}
      this.skip = token
    } else if (type === 'codeFenced' || type === 'codeIndented' || type === 'yaml' || type === 'toml') {
      this.skip = token
    }
  }

  exit(token: Token): void {
    const type: string = token.type
    if (this.skip) {
      if (token !== this.skip) {
        this.exitSkipped(token, type)
        return
      }

      this.skip = undefined
    }

    if (textTokens.has(type)) this.textDepth--
    if (this.textDepth > 0) {
      if (runBreaks.has(type)) this.flushRun()
      else if (type === 'link' && this.link) this.closeLink(token)
    } else if (leafTokens.has(type)) {
      this.exitLeaf(token)
    } else if (type === 'htmlFlow' && this.html) {
      this.closeHtml(token)
    } else if (type === 'definition' && this.definition) {
      this.closeDefinition()
    } else if (flowContainers.has(type)) {
      this.closeContainer()
    }

    if (this.governed.size > 0) this.closeGoverned(token)
  }

  /** Inside a skipped token: only the parts of link destinations and definitions are read. */
  exitSkipped(token: Token, type: string): void {
    const skip = this.skip!
    if (skip.type === 'resource' && type === 'resourceDestinationString') this.link!.url = decodeString(this.slice(token))
    else if (skip.type === 'reference' && type === 'referenceString') this.link!.identifier = normalizeIdentifier(this.slice(token)).toLowerCase()
    else if (this.definition && type === 'definitionLabelString') this.definition.id = normalizeIdentifier(this.slice(token)).toLowerCase()
    else if (this.definition && type === 'definitionDestinationString') this.definition.url = decodeString(this.slice(token))
  }

  exitLeaf(token: Token): void {
    if (this.breakStart !== -1) this.endBreak(this.endOf(token))
    this.flushRun()
    if (this.link) this.closeLink(token)
    if (this.pieces.length > 0) this.proseBlocks.push({pieces: this.pieces, start: this.blockStart, end: this.endOf(token)})
    this.pieces = []
    this.blockStart = -1
  }

  closeDefinition(): void {
    const definition = this.definition!
    // The first definition of a label wins, as in CommonMark.
    if (definition.id !== undefined && !this.definitions.has(definition.id)) this.definitions.set(definition.id, definition.url)
    this.definition = undefined
  }

  closeContainer(): void {
    const scope = this.scopes.pop()
    for (const entry of this.waiting) if (entry.scope === scope) this.facts.markers.push(entry.marker)
    this.waiting = this.waiting.filter((entry) => entry.scope !== scope)
  }

  closeGoverned(token: Token): void {
    const markers = this.governed.get(token)
    if (markers) {
      for (const marker of markers) this.facts.markers.push({...marker, nextEnd: this.endOf(token)})
      this.governed.delete(token)
    }
  }

  /** All events read: prose blocks into paragraphs, references resolved, facts in document order. */
  finish(locator: Locator): {paragraphs: Paragraph[]; facts: DocumentFacts} {
    const facts = this.facts
    const paragraphs: Paragraph[] = []
    for (const block of this.proseBlocks) {
      const made = blockToParagraphs(block.pieces, locator)
      if (made.length > 0) {
        facts.blocks.push({start: block.start, end: block.end})
        for (const paragraph of made) paragraphs.push(paragraph)
      }
    }

    for (const entry of this.waiting) facts.markers.push(entry.marker)

    for (const reference of this.references) {
      const url = this.definitions.get(reference.id)
      if (url !== undefined) facts.links.push({url, start: reference.start, end: reference.end, rel: [], kind: 'reference'})
    }

    facts.links.sort((a, b) => a.start - b.start)
    facts.citations.sort((a, b) => a - b)
    facts.markers.sort((a, b) => a.start - b.start)
    return {paragraphs, facts}
  }

  startOf(token: Token): number {
    return token.start.offset + this.shift
  }

  endOf(token: Token): number {
    return token.end.offset + this.shift
  }

  slice(token: Token): string {
    return this.doc.slice(this.startOf(token), this.endOf(token))
  }

  addSegment(start: number, end: number): void {
    if (start >= end) return
    const runEnds = this.runEnds
    const last = runEnds.length - 1
    if (last >= 0 && runEnds[last] === start && this.runValues[last] === undefined) {
      runEnds[last] = end
      return
    }

    this.runValues.push(undefined)
    this.runStarts.push(start)
    runEnds.push(end)
  }

  addDecoded(value: string, at: number): void {
    this.runValues.push(value)
    this.runStarts.push(at)
    this.runEnds.push(at + 1)
  }

  /** End the text run: one piece, a slice of the file when it is one, with character offsets otherwise. */
  flushRun(): void {
    const {runValues, runStarts, runEnds, doc} = this
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

    this.clearRun()
    for (const part of splitUrls(piece, this.onBareUrl)) this.pieces.push(part)
  }

  /** Something other than text (emphasis, code, an image, …) ends the text run, and makes a link's label more than plain text. */
  interruptRun(): void {
    this.flushRun()
    if (this.link) this.link.plainLabel = false
  }

  clearRun(): void {
    this.runValues.length = 0
    this.runStarts.length = 0
    this.runEnds.length = 0
  }

  readonly onBareUrl = (url: string, start: number, end: number): void => {
    this.facts.links.push({url, start, end, rel: [], kind: 'bare'})
  }

  /** A hard break, through the line ending after it, is literal material. */
  endBreak(end: number): void {
    this.pieces.push({kind: 'source', value: this.doc.slice(this.breakStart, end), offsets: this.breakStart})
    this.breakStart = -1
  }

  /** Code, inline HTML and `<autolinks>` stay in the prose as literal material. */
  inlineLiteral(token: Token): void {
    const start = this.startOf(token)
    const value = this.slice(token)
    if (token.type === 'htmlText') {
      for (const found of linksInHtml(value, start)) this.facts.links.push(found)
    } else if (token.type === 'autolink') {
      const inner = value.slice(1, -1)
      const url = /^[a-z][a-z\d+.-]*:/i.test(inner) ? inner : 'mailto:' + inner
      this.facts.links.push({url, start, end: this.endOf(token), rel: [], kind: 'autolink'})
    }

    this.pieces.push({kind: 'source', value, offsets: start})
  }

  closeLink(token: Token): void {
    const open = this.link!
    this.link = undefined
    const start = open.start
    const end = this.endOf(token)
    if (open.url !== undefined) {
      const url = open.url
      const label = open.plainLabel && open.labelText !== undefined ? decodeString(open.labelText) : undefined
      const isAutolink = label !== undefined && (url === label || url === 'mailto:' + label || withoutScheme(url) === withoutScheme(label))
      this.facts.links.push({url, start, end, rel: [], kind: isAutolink ? 'autolink' : 'inline'})
      if (isAutolink) {
        // The label is the address again: literal material, not prose (nor a bare URL of its own).
        this.clearRun()
        this.pieces.length = open.firstPiece
        this.pieces.push({kind: 'source', value: this.doc.slice(start, end), offsets: start})
        return
      }

      this.flushRun()
    } else {
      this.flushRun()
      this.references.push({id: open.identifier ?? normalizeIdentifier(open.labelText ?? '').toLowerCase(), start, end})
    }
  }

  closeHtml(token: Token): void {
    const {start, parts} = this.html!
    this.html = undefined
    const value = parts.join('')
    const marker = value.startsWith('<!--') ? parseMarker(value, start, this.endOf(token), undefined) : undefined
    if (marker) {
      const scope = this.scopes.at(-1)!
      this.waiting.push({marker, scope, item: scope.item})
    } else {
      for (const found of linksInHtml(value, start)) this.facts.links.push(found)
    }
  }

  /** A flow node starts: markers waiting in its scope govern it if it is in their list item, else nothing. */
  noteFlowNode(token: Token): void {
    if (this.waiting.length === 0) return
    const scope = this.scopes.at(-1)!
    let mine: MarkerFact[] | undefined
    const rest: Waiting[] = []
    for (const entry of this.waiting) {
      if (entry.scope !== scope) rest.push(entry)
      else if (entry.item === scope.item) (mine ??= []).push(entry.marker)
      else this.facts.markers.push(entry.marker)
    }

    this.waiting = rest
    if (mine) this.governed.set(token, mine)
  }
}

function withoutScheme(value: string): string {
  return value.replace(/^https?:\/\//, '')
}
