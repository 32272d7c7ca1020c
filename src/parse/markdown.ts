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
import {parseText} from './text.js'
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
  let reader: Reader
  try {
    reader = read(doc)
  } catch (error) {
    // The parser builds its tree by recursion, once per level of inline nesting: emphasis some ten thousand levels
    // deep overflows the stack. Such a document is read as plain text (bare URLs are still links).
    if (!(error instanceof RangeError)) throw error
    const {paragraphs, facts} = parseText(doc, locator)
    return {paragraphs, facts: {...facts, format: 'markdown'}}
  }

  return reader.finish(locator)
}

function read(doc: string): Reader {
  const source = prepareSource(doc)
  const {parser, kinds} = grammarFor(source.text)
  const tree = parser.parse(source.text)
  const reader = new Reader(doc, source, kinds)
  // Reference links and footnote calls count only when defined, and a definition may come after its use.
  reader.collectDefinitions(tree.cursor())
  reader.walk(tree.cursor())
  return reader
}

/** Blocks that are nodes of the tree: siblings a comment marker can govern. */
function isBlock(kind: Kind): boolean {
  return kind >= Kind.Container && kind <= Kind.Rule && kind !== Kind.ListItem && kind !== Kind.TableRow && kind !== Kind.TableCell
}

/** Blocks whose text is prose. */
function isLeaf(kind: Kind): boolean {
  return kind === Kind.Paragraph || kind === Kind.AtxHeading || kind === Kind.SetextHeading || kind === Kind.TableCell
}

/** Space or tab: what CommonMark strips around the lines of a paragraph. */
function isBlank(code: number): boolean {
  return code === 32 || code === 9
}

/** How the children of a link are read. */
const enum LinkMode {
  /** A link: its label is prose, its marks, destination and reference are not. */
  Link,
  /** An image: none of it is prose. */
  Image,
  /** A reference to an undefined label: not a link, so its brackets and reference are text too. */
  Text
}

/**
 * The state of reading one document's tree. The tree is walked with one
 * cursor, in a loop rather than by recursion (blocks and emphasis can nest
 * thousands deep); each kind of node has small `enter` and `leave` methods
 * (V8 compiles a function whole, and recompiles it when a rare branch is
 * first taken).
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
  /** How each open link's children are read, innermost last, with where its label ends and where it ends. */
  readonly links: Array<{readonly mode: LinkMode; readonly labelTo: number; readonly end: number}> = []
  /** Whether a leaf block (paragraph, heading, table cell) is being read. */
  inLeaf = false
  /** Where the leaf's text read so far ends: text between it and the next node is plain text. */
  position = 0
  /** Set on entering a node whose text is to be read as plain text after all (a bracket of a link to nothing). */
  keepText = false
  // Comment markers waiting for the node after them, and for each open block the markers that govern it.
  readonly scopes: Scope[] = [{item: 0}]
  waiting: Waiting[] = []
  readonly governed: Array<MarkerFact[] | undefined> = []

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

  /** Link reference definitions and footnote definitions, from the blocks of the tree. */
  collectDefinitions(cursor: TreeCursor): void {
    for (;;) {
      const kind = this.kind(cursor)
      if (kind === Kind.Definition) this.define(cursor)
      else if (kind === Kind.FootnoteLabel) this.footnotes.add(normalizeIdentifier(this.src.slice(cursor.from + 2, cursor.to - 2)))
      const into = kind === Kind.Document || kind === Kind.Container || kind === Kind.ListItem
      if (into && cursor.firstChild()) continue
      while (!cursor.nextSibling()) if (!cursor.parent()) return
    }
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

  /** Every node, entered before its children and left after them. */
  walk(cursor: TreeCursor): void {
    for (;;) {
      if (this.enter(cursor) && cursor.firstChild()) continue
      this.leave(cursor)
      while (!cursor.nextSibling()) {
        if (!cursor.parent()) return
        this.leave(cursor)
      }
    }
  }

  /** A node starts; `true` to read its children. */
  enter(cursor: TreeCursor): boolean {
    const kind = this.kind(cursor)
    return this.inLeaf ? this.enterInline(cursor, kind) : this.enterFlow(cursor, kind)
  }

  leave(cursor: TreeCursor): void {
    const kind = this.kind(cursor)
    if (this.inLeaf && !isLeaf(kind)) this.leaveInline(cursor, kind)
    else this.leaveFlow(cursor, kind)
  }

  /** A block: containers are read into, leaf blocks read for prose, comments kept as markers. */
  enterFlow(cursor: TreeCursor, kind: Kind): boolean {
    if (kind === Kind.Document || kind === Kind.TableRow) return true
    if (kind === Kind.ListItem) {
      this.scopes.at(-1)!.item++
      return true
    }

    if (kind === Kind.TableCell) {
      this.startLeaf(cursor.from)
      return true
    }

    if (!isBlock(kind)) return false
    this.governed.push(this.waiting.length > 0 ? this.noteFlowNode() : undefined)
    if (kind === Kind.Container) {
      this.scopes.push({item: 0})
      return true
    }

    if (kind === Kind.Html) this.html(cursor.from, cursor.to)
    if (kind === Kind.Paragraph || kind === Kind.AtxHeading || kind === Kind.SetextHeading) this.startLeaf(cursor.from)
    return kind === Kind.Table || this.inLeaf
  }

  leaveFlow(cursor: TreeCursor, kind: Kind): void {
    if (isLeaf(kind) && this.inLeaf) this.finishLeaf(cursor)
    if (!isBlock(kind)) return
    if (kind === Kind.Container) this.closeContainer()
    const markers = this.governed.pop()
    if (markers) for (const marker of markers) this.facts.markers.push({...marker, nextEnd: this.at(cursor.to)})
  }

  startLeaf(from: number): void {
    this.inLeaf = true
    this.pieces = []
    this.lineStart = true
    this.position = from
  }

  /** The leaf block ends: its last text (without trailing white space), its run, and its pieces as a prose block. */
  finishLeaf(cursor: TreeCursor): void {
    this.gap(cursor.to, true)
    this.flushRun()
    if (this.pieces.length > 0) this.proseBlocks.push({pieces: this.pieces, start: this.at(cursor.from), end: this.at(cursor.to)})
    this.pieces = []
    this.inLeaf = false
  }

  /** The text between the end of what was read and `to` (`last` when nothing but marks follows it in the block). */
  gap(to: number, last: boolean): void {
    const from = this.position
    if (to <= from) return
    this.position = to
    if (last) {
      const src = this.src
      while (to > from && (isBlank(src.charCodeAt(to - 1)) || src.charCodeAt(to - 1) === 10)) to--
    }

    this.text(from, to, last)
  }

  /** Inside a leaf block: a construct or a mark; `true` to read its children. */
  enterInline(cursor: TreeCursor, kind: Kind): boolean {
    const {from, to} = cursor
    // A closing heading mark (or setext underline) follows the heading's last text.
    this.gap(from, kind === Kind.HeaderMark)
    switch (kind) {
      case Kind.Escape: {
        this.addSegment(from + 1, to)
        return false
      }

      case Kind.Entity: {
        this.entity(from, to)
        return false
      }

      case Kind.Emphasis: {
        this.interruptRun()
        return true
      }

      case Kind.Link: {
        this.openLink(cursor)
        return true
      }

      case Kind.Image: {
        return this.openImage(cursor)
      }

      case Kind.InlineCode:
      case Kind.InlineHtml:
      case Kind.Autolink: {
        this.interruptRun()
        this.inlineLiteral(kind, from, to)
        return false
      }

      case Kind.HardBreak: {
        // The break, through the line ending, is literal material; white space after it is the next line's prefix.
        this.interruptRun()
        this.pieces.push({kind: 'source', value: this.slice(from, to), offsets: this.at(from)})
        return false
      }

      case Kind.FootnoteCall: {
        this.footnoteCall(from, to)
        return false
      }

      case Kind.LinkMark:
      case Kind.LinkLabel: {
        const link = this.links.at(-1)
        if (link?.mode === LinkMode.Text) {
          // In a reference to nothing, brackets and the reference are text, but `[^1]` there is a footnote call.
          if (kind === Kind.LinkLabel && this.src.charCodeAt(from + 1) === 94) this.footnoteCall(from, to)
          else this.keepText = true
        } else if (link && from === link.labelTo) {
          // In a link, nothing after the label is text.
          this.position = link.end
        }

        return false
      }

      default: {
        // Other marks (emphasis, heading, the `>` of continued block quotes) are not text.
        return false
      }
    }
  }

  leaveInline(cursor: TreeCursor, kind: Kind): void {
    if (this.keepText) {
      this.keepText = false
      return
    }

    if (kind === Kind.Emphasis) {
      this.gap(cursor.to, false)
      this.flushRun()
    } else if (kind === Kind.Link || kind === Kind.Image) {
      const mode = this.links.pop()?.mode
      if (mode === LinkMode.Text) this.gap(cursor.to, false)
      else if (mode === LinkMode.Link) this.closeLink(this.at(cursor.to))
    }

    if (cursor.to > this.position) this.position = cursor.to
    if (kind === Kind.HardBreak) this.lineStart = true
    else if (kind !== Kind.QuoteMark && kind !== Kind.HeaderMark && kind !== Kind.Other) this.lineStart = false
  }

  /** Plain text between two offsets: without line prefixes, line suffixes, or (when `last`) trailing white space. */
  text(from: number, to: number, last: boolean): void {
    const src = this.src
    let position = from
    for (;;) {
      // Not `indexOf`: it would scan past `to`, to the end of a long line, for every piece of text on it.
      let lineEnd = position
      while (lineEnd < to && src.charCodeAt(lineEnd) !== 10) lineEnd++
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
  openLink(cursor: TreeCursor): void {
    const parts = this.linkParts(cursor)
    if (parts === undefined) {
      this.links.push({mode: LinkMode.Text, labelTo: -1, end: cursor.to})
      return
    }

    this.flushRun()
    const {labelFrom, labelTo, url, identifier} = parts
    this.link = {start: this.at(cursor.from), firstPiece: this.pieces.length, url, identifier, labelText: this.slice(labelFrom, labelTo), plainLabel: true}
    this.links.push({mode: LinkMode.Link, labelTo, end: cursor.to})
  }

  /** An image is not prose; `![label]` with an undefined label is text, as for a link. Returns whether to read its children. */
  openImage(cursor: TreeCursor): boolean {
    if (this.linkParts(cursor) === undefined) {
      this.links.push({mode: LinkMode.Text, labelTo: -1, end: cursor.to})
      return true
    }

    this.interruptRun()
    this.links.push({mode: LinkMode.Image, labelTo: -1, end: cursor.to})
    return false
  }

  /**
   * The parts of the link or image under the cursor (its own children, not
   * what its label holds): the label's span, and the destination (`''` when
   * empty) or the normalized reference; `undefined` when it is a reference
   * to an undefined label, so not a link at all.
   */
  linkParts(cursor: TreeCursor): {labelFrom: number; labelTo: number; url: string | undefined; identifier: string | undefined} | undefined {
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
          if ((code === 91 || code === 33) && labelFrom === -1) labelFrom = cursor.to
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

    if (labelFrom === -1 || labelTo === -1) return undefined
    if (resource) return {labelFrom, labelTo, url: url ?? '', identifier: undefined}
    const full = referenceTo - referenceFrom > 2
    const identifier = normalizeIdentifier(full ? this.slice(referenceFrom + 1, referenceTo - 1) : this.slice(labelFrom, labelTo)).toLowerCase()
    return this.definitions.has(identifier) ? {labelFrom, labelTo, url: undefined, identifier} : undefined
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
    if (kind === Kind.InlineHtml) {
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
      const isAutolink = label !== undefined && url !== '' && (url === label || url === 'mailto:' + label || withoutScheme(url) === withoutScheme(label))
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
