import type {Paragraph} from 'nlcst'
import type {TreeCursor} from '@lezer/common'
import {decodeNamedCharacterReference} from 'decode-named-character-reference'
import {decodeNumericCharacterReference} from 'micromark-util-decode-numeric-character-reference'
import {decodeString} from 'micromark-util-decode-string'
import {normalizeIdentifier} from 'micromark-util-normalize-identifier'
import type {DocumentFacts, MarkerFact} from '../engine/types.js'
import {linksInHtml} from './html-links.js'
import type {Locator} from './locator.js'
import {grammarFor, Kind, prepareSource, type Source} from './markdown-syntax.js'
import {parseMarker} from './markers.js'
import {splitUrls, type Piece} from './pieces.js'
import {blockToParagraphs} from './to-nlcst.js'

/*
 * Markdown is read from the syntax tree of `@lezer/markdown`
 * (`markdown-syntax.ts`). We need only the prose of leaf blocks, with each
 * character's offset in the file, plus links, citation markers and comments.
 * Nodes carry exact offsets, so a prose run is a slice of the file unless an
 * escape or character reference interrupts it.
 *
 * Text runs end where mdast would end a `text` node (at emphasis, links,
 * code, HTML, breaks and footnote calls), and line prefixes and suffixes
 * (indentation, container markers, trailing white space) are left out as
 * CommonMark says, so the prose handed to the natural-language parser is
 * what it is with remark-parse.
 */

/** A link being read: `[label](url)` or `[label][ref]`. */
interface OpenLink {
  readonly start: number
  /** Where the label's pieces begin in the block's pieces. */
  readonly firstPiece: number
  readonly url: string | undefined
  readonly identifier: string | undefined
  readonly labelText: string
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
  // The syntax tree is read into prose blocks (and let go, on return from `read`) before the natural-language parser
  // (which allocates much) runs.
  return read(doc).finish(locator)
}

function read(doc: string): Reader {
  const source = prepareSource(doc)
  const {parser, kinds} = grammarFor(source.text)
  const cursor = parser.parse(source.text).cursor()
  const reader = new Reader(doc, source, kinds)
  // Reference links and footnote calls count only when defined, and a definition may come after its use.
  reader.collectDefinitions(cursor)
  reader.flowChildren(cursor)
  return reader
}

/** Space or tab: what CommonMark strips around the lines of a paragraph. */
function isBlank(code: number): boolean {
  return code === 32 || code === 9
}

/**
 * The state of reading one document's tree. The tree is walked with one
 * cursor; each kind of node has a small method of its own (V8 compiles a
 * function whole, and recompiles it when a rare branch is first taken).
 */
class Reader {
  readonly doc: string
  /** What the parser read (`prepareSource`); tree offsets are offsets in it. */
  readonly src: string
  readonly shift: number
  readonly crlf: Int32Array
  readonly kinds: Uint8Array
  readonly facts: DocumentFacts = {format: 'markdown', links: [], citations: [], markers: [], blocks: []}
  readonly proseBlocks: Array<{pieces: Piece[]; start: number; end: number}> = []
  readonly definitions = new Map<string, string>()
  readonly footnotes = new Set<string>()
  readonly references: Array<{id: string; start: number; end: number}> = []

  // The prose block being read.
  pieces: Piece[] = []
  /** Whether the text read next starts a line (its leading white space is a line prefix). */
  lineStart = true
  // The text run being read: slices of the file (`start` to `end`), or decoded characters (`values`) placed at `start`.
  readonly runValues: Array<string | undefined> = []
  readonly runStarts: number[] = []
  readonly runEnds: number[] = []
  link: OpenLink | undefined = undefined
  // Comment markers waiting for the node after them.
  readonly scopes: Scope[] = [{item: 0}]
  waiting: Waiting[] = []

  constructor(doc: string, source: Source, kinds: Uint8Array) {
    this.doc = doc
    this.src = source.text
    this.shift = source.shift
    this.crlf = source.crlf
    this.kinds = kinds
  }

  kind(cursor: TreeCursor): Kind {
    return this.kinds[cursor.type.id]!
  }

  /** Offset in the file of an offset in the parsed text. */
  at(offset: number): number {
    const crlf = this.crlf
    if (crlf.length === 0) return offset + this.shift
    let low = 0
    let high = crlf.length
    while (low < high) {
      const middle = (low + high) >>> 1
      if (crlf[middle]! < offset) low = middle + 1
      else high = middle
    }

    return offset + this.shift + low
  }

  /** The file's text between two offsets of the parsed text. */
  slice(from: number, to: number): string {
    return this.doc.slice(this.at(from), this.at(to))
  }

  /** Link reference definitions and footnote definitions, from the blocks under the cursor's node. */
  collectDefinitions(cursor: TreeCursor): void {
    if (!cursor.firstChild()) return
    do {
      const kind = this.kind(cursor)
      if (kind === Kind.Container || kind === Kind.ListItem) this.collectDefinitions(cursor)
      else if (kind === Kind.Definition) this.define(cursor)
      else if (kind === Kind.FootnoteLabel) this.footnotes.add(normalizeIdentifier(this.src.slice(cursor.from + 2, cursor.to - 2)))
    } while (cursor.nextSibling())
    cursor.parent()
  }

  define(cursor: TreeCursor): void {
    let id: string | undefined
    let url = ''
    if (cursor.firstChild()) {
      do {
        const kind = this.kind(cursor)
        if (kind === Kind.LinkLabel) id = normalizeIdentifier(this.slice(cursor.from + 1, cursor.to - 1)).toLowerCase()
        else if (kind === Kind.Url) url = this.destination(cursor.from, cursor.to)
      } while (cursor.nextSibling())
      cursor.parent()
    }

    // The first definition of a label wins, as in CommonMark.
    if (id !== undefined && !this.definitions.has(id)) this.definitions.set(id, url)
  }

  /** A link destination, without its angle brackets, escapes and references decoded. */
  destination(from: number, to: number): string {
    let raw = this.slice(from, to)
    if (raw.startsWith('<') && raw.endsWith('>')) raw = raw.slice(1, -1)
    return decodeString(raw)
  }

  flowChildren(cursor: TreeCursor): void {
    if (!cursor.firstChild()) return
    do this.flow(cursor)
    while (cursor.nextSibling())
    cursor.parent()
  }

  /** A block: containers are read into, leaf blocks read for prose, comments kept as markers. */
  flow(cursor: TreeCursor): void {
    const kind = this.kind(cursor)
    if (kind === Kind.ListItem) {
      this.scopes.at(-1)!.item++
      this.flowChildren(cursor)
      return
    }

    if (kind > Kind.Rule || kind === Kind.Other) return
    const governed = this.waiting.length > 0 ? this.noteFlowNode() : undefined
    const {from, to} = cursor
    if (kind === Kind.Container) {
      this.scopes.push({item: 0})
      this.flowChildren(cursor)
      this.closeContainer()
    } else if (kind === Kind.Paragraph) {
      this.leaf(cursor, from, to, from, to)
    } else if (kind === Kind.AtxHeading) {
      this.atxHeading(cursor)
    } else if (kind === Kind.SetextHeading) {
      this.setextHeading(cursor)
    } else if (kind === Kind.Table) {
      this.table(cursor)
    } else if (kind === Kind.Html) {
      this.html(from, to)
    }

    if (governed) for (const marker of governed) this.facts.markers.push({...marker, nextEnd: this.at(to)})
  }

  atxHeading(cursor: TreeCursor): void {
    const {from, to} = cursor
    let textFrom = from
    let textTo = to
    if (cursor.firstChild()) {
      do {
        if (this.kind(cursor) !== Kind.HeaderMark) continue
        if (cursor.from === from) textFrom = cursor.to
        else textTo = cursor.from
      } while (cursor.nextSibling())
      cursor.parent()
    }

    this.leaf(cursor, from, to, textFrom, textTo)
  }

  setextHeading(cursor: TreeCursor): void {
    const {from, to} = cursor
    let textTo = to
    if (cursor.lastChild()) {
      if (this.kind(cursor) === Kind.HeaderMark) textTo = cursor.from
      cursor.parent()
    }

    this.leaf(cursor, from, to, from, textTo)
  }

  table(cursor: TreeCursor): void {
    if (!cursor.firstChild()) return
    do {
      if (this.kind(cursor) !== Kind.TableRow || !cursor.firstChild()) continue
      do if (this.kind(cursor) === Kind.TableCell) this.leaf(cursor, cursor.from, cursor.to, cursor.from, cursor.to)
      while (cursor.nextSibling())
      cursor.parent()
    } while (cursor.nextSibling())
    cursor.parent()
  }

  /** A prose block: the text between `from` and `to` of the node under the cursor (the block spans `blockFrom` to `blockTo`). */
  leaf(cursor: TreeCursor, blockFrom: number, blockTo: number, from: number, to: number): void {
    const src = this.src
    while (to > from && (isBlank(src.charCodeAt(to - 1)) || src.charCodeAt(to - 1) === 10)) to--
    this.pieces = []
    this.lineStart = true
    this.inline(cursor, from, to, true)
    this.flushRun()
    if (this.pieces.length > 0) this.proseBlocks.push({pieces: this.pieces, start: this.at(blockFrom), end: this.at(blockTo)})
    this.pieces = []
  }

  /** The inline content of the node under the cursor between `from` and `to`; `last` when `to` ends the block. */
  inline(cursor: TreeCursor, from: number, to: number, last: boolean): void {
    let position = from
    if (cursor.firstChild()) {
      do {
        if (cursor.to <= from) continue
        if (cursor.from >= to) break
        if (cursor.from > position) this.text(position, cursor.from, false)
        this.inlineNode(cursor)
        position = cursor.to
      } while (cursor.nextSibling())
      cursor.parent()
    }

    if (position < to) this.text(position, to, last)
  }

  inlineNode(cursor: TreeCursor): void {
    const kind = this.kind(cursor)
    const {from, to} = cursor
    switch (kind) {
      case Kind.Escape: {
        this.addSegment(from + 1, to)
        break
      }

      case Kind.Entity: {
        this.entity(from, to)
        break
      }

      case Kind.Emphasis: {
        this.interruptRun()
        this.inline(cursor, from, to, false)
        this.flushRun()
        break
      }

      case Kind.Link: {
        this.readLink(cursor)
        break
      }

      case Kind.Image: {
        this.interruptRun()
        break
      }

      case Kind.Code_:
      case Kind.Html_:
      case Kind.Autolink: {
        this.interruptRun()
        this.inlineLiteral(kind, from, to)
        break
      }

      case Kind.HardBreak: {
        // The break, through the line ending, is literal material; white space after it is the next line's prefix.
        this.interruptRun()
        this.pieces.push({kind: 'source', value: this.slice(from, to), offsets: this.at(from)})
        this.lineStart = true
        return
      }

      case Kind.FootnoteCall: {
        this.footnoteCall(from, to)
        break
      }

      default: {
        // Markup: emphasis, link and heading marks, and the `>` of continued block quotes (a line prefix).
        return
      }
    }

    this.lineStart = false
  }

  /** Plain text between two offsets: without line prefixes, line suffixes, or (when `last`) trailing white space. */
  text(from: number, to: number, last: boolean): void {
    const src = this.src
    let position = from
    for (;;) {
      const feed = src.indexOf('\n', position)
      const lineEnd = feed === -1 || feed >= to ? to : feed
      let start = position
      let end = lineEnd
      if (this.lineStart) while (start < end && isBlank(src.charCodeAt(start))) start++
      if (lineEnd < to || last) while (end > start && isBlank(src.charCodeAt(end - 1))) end--
      if (start < end) {
        this.addSegment(start, end)
        this.lineStart = false
      }

      if (lineEnd === to) return
      this.addSegment(lineEnd, lineEnd + 1)
      this.lineStart = true
      position = lineEnd + 1
    }
  }

  /** `&amp;`, `&#123;`, `&#x1F;`: decoded when valid (as micromark checks), else text. */
  entity(from: number, to: number): void {
    const raw = this.src.slice(from + 1, to - 1)
    let value: string | false = false
    if (raw.charCodeAt(0) === 35) {
      const hex = raw.charCodeAt(1) === 120 || raw.charCodeAt(1) === 88
      const digits = raw.slice(hex ? 2 : 1)
      if (digits.length > 0 && digits.length <= (hex ? 6 : 7)) value = decodeNumericCharacterReference(digits, hex ? 16 : 10)
    } else if (raw.length <= 31) {
      value = decodeNamedCharacterReference(raw)
    }

    if (value) this.addDecoded(value, this.at(from))
    else this.text(from, to, false)
  }

  footnoteCall(from: number, to: number): void {
    if (this.footnotes.has(normalizeIdentifier(this.src.slice(from + 2, to - 1)))) {
      this.interruptRun()
      this.facts.citations.push(this.at(from))
    } else {
      this.text(from, to, false)
    }
  }

  /** `[label](destination "title")`, `[label][ref]`, `[label][]`, `[label]`; a reference to nothing is text. */
  readLink(cursor: TreeCursor): void {
    const {from, to} = cursor
    let labelFrom = -1
    let labelTo = -1
    let resource = false
    let url: string | undefined
    let referenceFrom = -1
    let referenceTo = -1
    if (cursor.firstChild()) {
      do {
        const kind = this.kind(cursor)
        if (kind === Kind.LinkMark) {
          const code = this.src.charCodeAt(cursor.from)
          if (code === 91 && labelFrom === -1) labelFrom = cursor.to
          else if (code === 93 && labelTo === -1) labelTo = cursor.from
          else if (code === 40 && labelTo !== -1) resource = true
        } else if (kind === Kind.Url && labelTo !== -1) {
          url = this.destination(cursor.from, cursor.to)
        } else if (kind === Kind.LinkLabel && labelTo !== -1) {
          referenceFrom = cursor.from
          referenceTo = cursor.to
        }
      } while (cursor.nextSibling())
      cursor.parent()
    }

    if (labelFrom === -1 || labelTo === -1) {
      this.inline(cursor, from, to, false)
      return
    }

    let identifier: string | undefined
    if (!resource) {
      const full = referenceTo - referenceFrom > 2
      identifier = normalizeIdentifier(full ? this.slice(referenceFrom + 1, referenceTo - 1) : this.slice(labelFrom, labelTo)).toLowerCase()
      if (!this.definitions.has(identifier)) {
        // Not a link: the brackets and the label are text.
        this.text(from, labelFrom, false)
        this.inline(cursor, labelFrom, labelTo, false)
        this.text(labelTo, to, false)
        return
      }
    }

    this.flushRun()
    this.link = {start: this.at(from), firstPiece: this.pieces.length, url, identifier, labelText: this.slice(labelFrom, labelTo), plainLabel: true}
    this.inline(cursor, labelFrom, labelTo, false)
    this.closeLink(this.at(to))
  }

  closeContainer(): void {
    const scope = this.scopes.pop()
    for (const entry of this.waiting) if (entry.scope === scope) this.facts.markers.push(entry.marker)
    this.waiting = this.waiting.filter((entry) => entry.scope !== scope)
  }

  /** All blocks read: prose blocks into paragraphs, references resolved, facts in document order. */
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

  /** Text between two offsets of the parsed text, added to the run (joined to the previous slice when they touch). */
  addSegment(from: number, to: number): void {
    if (from >= to) return
    const start = this.at(from)
    const end = this.at(to)
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

  /** Code, inline HTML and `<autolinks>` stay in the prose as literal material. */
  inlineLiteral(kind: Kind, from: number, to: number): void {
    const start = this.at(from)
    const end = this.at(to)
    const value = this.doc.slice(start, end)
    if (kind === Kind.Html_) {
      for (const found of linksInHtml(value, start)) this.facts.links.push(found)
    } else if (kind === Kind.Autolink) {
      const inner = value.slice(1, -1)
      const url = /^[a-z][a-z\d+.-]*:/i.test(inner) ? inner : 'mailto:' + inner
      this.facts.links.push({url, start, end, rel: [], kind: 'autolink'})
    }

    this.pieces.push({kind: 'source', value, offsets: start})
  }

  closeLink(end: number): void {
    const open = this.link!
    this.link = undefined
    const start = open.start
    if (open.url !== undefined) {
      const url = open.url
      const label = open.plainLabel ? decodeString(open.labelText) : undefined
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
      this.references.push({id: open.identifier ?? normalizeIdentifier(open.labelText).toLowerCase(), start, end})
    }
  }

  /** Flow HTML: a comment marker waits for the node it governs; other HTML is searched for links. */
  html(from: number, to: number): void {
    const start = this.at(from)
    const end = this.at(to)
    const value = this.doc.slice(start, end)
    const marker = value.startsWith('<!--') ? parseMarker(value, start, end, undefined) : undefined
    if (marker) {
      const scope = this.scopes.at(-1)!
      this.waiting.push({marker, scope, item: scope.item})
    } else {
      for (const found of linksInHtml(value, start)) this.facts.links.push(found)
    }
  }

  /** A block starts: markers waiting in its scope govern it (returned) if it is in their list item, else nothing. */
  noteFlowNode(): MarkerFact[] | undefined {
    const scope = this.scopes.at(-1)!
    let mine: MarkerFact[] | undefined
    const rest: Waiting[] = []
    for (const entry of this.waiting) {
      if (entry.scope !== scope) rest.push(entry)
      else if (entry.item === scope.item) (mine ??= []).push(entry.marker)
      else this.facts.markers.push(entry.marker)
    }

    this.waiting = rest
    return mine
  }
}

function withoutScheme(value: string): string {
  return value.replace(/^https?:\/\//, '')
}
