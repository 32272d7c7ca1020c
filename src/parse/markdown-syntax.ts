import {parser as commonmark, Table, type BlockContext, type Element, type InlineContext, type Line, type MarkdownConfig, type MarkdownParser} from '@lezer/markdown'
import {htmlBlockNames, htmlRawNames} from 'micromark-util-html-tag-name'

/*
 * The Markdown grammar: CommonMark from `@lezer/markdown` (CodeMirror's
 * parser), GFM tables, and GFM footnotes (our extension below). Its syntax
 * tree gives every node, inline ones included, its offsets in the input, so
 * a prose run is a slice of the file; and it parses about three times as
 * fast as micromark, with far less garbage (`docs/performance.md`).
 *
 * What it does not do itself, `prepareSource` and the reader make up for:
 * it ends lines at `\n` only, knows no front matter, and does not resolve
 * reference links against their definitions. Its HTML blocks we parse
 * ourselves (below), for two differences from CommonMark that showed on the
 * Rust book: a self-closing tag alone on a line (`<img … />`) did not start
 * one, and in a block quote a line of only `>` did not end one.
 */

/** What the reader does with a node, by node type. Order matters: the block kinds run from `Container` to `Rule`. */
export const enum Kind {
  Other,
  Document,
  Container,
  ListItem,
  Paragraph,
  AtxHeading,
  SetextHeading,
  Table,
  TableRow,
  TableCell,
  Code,
  Html,
  Definition,
  Rule,
  Emphasis,
  Link,
  Image,
  InlineCode,
  InlineHtml,
  Autolink,
  HardBreak,
  Escape,
  Entity,
  FootnoteCall,
  QuoteMark,
  HeaderMark,
  LinkMark,
  LinkLabel,
  Url,
  FootnoteLabel
}

const kindsByName: Record<string, Kind> = {
  Document: Kind.Document,
  Blockquote: Kind.Container,
  BulletList: Kind.Container,
  OrderedList: Kind.Container,
  FootnoteDefinition: Kind.Container,
  ListItem: Kind.ListItem,
  Paragraph: Kind.Paragraph,
  ATXHeading1: Kind.AtxHeading,
  ATXHeading2: Kind.AtxHeading,
  ATXHeading3: Kind.AtxHeading,
  ATXHeading4: Kind.AtxHeading,
  ATXHeading5: Kind.AtxHeading,
  ATXHeading6: Kind.AtxHeading,
  SetextHeading1: Kind.SetextHeading,
  SetextHeading2: Kind.SetextHeading,
  Table: Kind.Table,
  TableHeader: Kind.TableRow,
  TableRow: Kind.TableRow,
  TableCell: Kind.TableCell,
  FencedCode: Kind.Code,
  CodeBlock: Kind.Code,
  HTMLBlock: Kind.Html,
  CommentBlock: Kind.Html,
  ProcessingInstructionBlock: Kind.Html,
  LinkReference: Kind.Definition,
  HorizontalRule: Kind.Rule,
  Emphasis: Kind.Emphasis,
  StrongEmphasis: Kind.Emphasis,
  Link: Kind.Link,
  Image: Kind.Image,
  InlineCode: Kind.InlineCode,
  HTMLTag: Kind.InlineHtml,
  Comment: Kind.InlineHtml,
  ProcessingInstruction: Kind.InlineHtml,
  Autolink: Kind.Autolink,
  HardBreak: Kind.HardBreak,
  Escape: Kind.Escape,
  Entity: Kind.Entity,
  FootnoteCall: Kind.FootnoteCall,
  QuoteMark: Kind.QuoteMark,
  HeaderMark: Kind.HeaderMark,
  LinkMark: Kind.LinkMark,
  LinkLabel: Kind.LinkLabel,
  URL: Kind.Url,
  FootnoteLabel: Kind.FootnoteLabel
}

/** A configured parser, and the kind of each of its node types (by type id). */
export interface Grammar {
  readonly parser: MarkdownParser
  readonly kinds: Uint8Array
}

/** `[^label]` as GFM (micromark) reads it: no white space or brackets, at most 999 characters, escapes allowed. */
function footnoteLabelEnd(text: string, start: number, end: number): number {
  let index = start
  while (index < end) {
    const code = text.charCodeAt(index)
    if (code === 93 /* `]` */) return index === start || index - start > 999 ? -1 : index
    if (code === 91 /* `[` */ || code === 32 || code === 9 || code === 10) return -1
    index += code === 92 /* `\` */ ? 2 : 1
  }

  return -1
}

/** Length of a footnote definition's `[^label]:` at the start of a line, or -1. */
function footnoteDefinitionStart(line: Line): number {
  if (line.next !== 91 || line.text.charCodeAt(line.pos + 1) !== 94) return -1
  const close = footnoteLabelEnd(line.text, line.pos + 2, line.text.length)
  return close !== -1 && line.text.charCodeAt(close + 1) === 58 /* `:` */ ? close + 2 - line.pos : -1
}

/**
 * GFM footnotes: definitions (`[^1]: …`, continued by lines indented four
 * columns, or lazily) hold blocks; calls (`[^1]`) are citation markers. A
 * call counts only when its label is defined, which the reader checks.
 */
const footnotes: MarkdownConfig = {
  defineNodes: [{name: 'FootnoteDefinition', block: true, composite: continuesFootnote}, {name: 'FootnoteLabel'}, {name: 'FootnoteCall'}],
  parseBlock: [
    {
      name: 'FootnoteDefinition',
      before: 'Blockquote',
      parse(cx: BlockContext, line: Line): boolean | null {
        const size = footnoteDefinitionStart(line)
        if (size < 0) return false
        const from = cx.lineStart + line.pos
        cx.startComposite('FootnoteDefinition', line.pos, 4)
        cx.addElement(cx.elt('FootnoteLabel', from, from + size))
        line.moveBase(line.pos + size)
        return null
      },
      endLeaf: (_cx: BlockContext, line: Line) => footnoteDefinitionStart(line) >= 0
    }
  ],
  parseInline: [
    {
      name: 'FootnoteCall',
      // Before links and images (which come after links): in `![^1]` the `!` is text and `[^1]` a call, not an image.
      before: 'Link',
      parse(cx: InlineContext, next: number, pos: number): number {
        const bang = next === 33 ? 1 : 0
        if ((bang === 0 && next !== 91) || cx.char(pos + bang) !== 91 || cx.char(pos + bang + 1) !== 94) return -1
        const close = footnoteLabelEnd(cx.text, pos + bang + 2 - cx.offset, cx.end - cx.offset)
        return close < 0 ? -1 : cx.addElement(cx.elt('FootnoteCall', pos + bang, close + cx.offset + 1))
      }
    }
  ]
}

function continuesFootnote(_cx: BlockContext, line: Line, value: number): boolean {
  if (line.next === -1) return true
  if (line.indent < line.baseIndent + value) return false
  line.moveBaseColumn(line.baseIndent + value)
  return true
}

const rawNames = new Set(htmlRawNames)
const blockNames = new Set(htmlBlockNames)
const tagStart = /^<(\/?)([a-z][a-z\d-]*)/i
/** A complete opening or closing tag, alone on its line (condition 7 of CommonMark's HTML blocks). Linear: attributes start with a name character, so each space belongs to one place. */
const wholeTag = /^(?:<\/[a-z][a-z\d-]*[ \t]*>|<[a-z][a-z\d-]*(?:[ \t]+[a-z_:][\w.:-]*(?:[ \t]*=[ \t]*(?:[^ \t"'=<>`]+|'[^']*'|"[^"]*"))?)*[ \t]*\/?>)[ \t]*$/i

const rawEnd = /<\/(?:pre|script|style|textarea)>/i
const commentEnd = /-->/
const instructionEnd = /\?>/
const declarationEnd = />/
const cdataEnd = /]]>/

/**
 * How an HTML block that starts with `rest` ends, by CommonMark's seven start
 * conditions: at a line matching the expression, at a blank line (`null`),
 * or, when `rest` does not start one, `undefined`.
 */
function htmlBlockEnd(rest: string): RegExp | null | undefined {
  if (rest.startsWith('<!--')) return commentEnd
  if (rest.startsWith('<?')) return instructionEnd
  if (rest.startsWith('<![CDATA[')) return cdataEnd
  if (/^<![a-z]/i.test(rest)) return declarationEnd
  const tag = tagStart.exec(rest)
  if (!tag) return undefined
  const name = tag[2]!.toLowerCase()
  const after = rest.charCodeAt(tag[0].length)
  const ends = Number.isNaN(after) || after === 32 || after === 9 || after === 62 /* `>` */
  if (tag[1] === '' && rawNames.has(name) && ends) return rawEnd
  if (blockNames.has(name) && (ends || rest.startsWith('/>', tag[0].length))) return null
  return !rawNames.has(name) && wholeTag.test(rest) ? null : undefined
}

/**
 * Whether a line does not continue every container the block is in. The
 * count of containers a line continued is not in the package's typings (its
 * own blocks read it the same way); the version is pinned, and a test (a
 * block quote's HTML ended by a bare `>` line) fails if it goes away.
 */
function containersEnded(cx: BlockContext, line: Line): boolean {
  const {depth} = line as Line & {depth?: number}
  return depth !== undefined && depth < cx.depth
}

/** HTML blocks, in place of `@lezer/markdown`'s own (whose tag patterns are reused for blocks that interrupt a paragraph). */
const htmlBlocks: MarkdownConfig = {
  parseBlock: [
    {
      name: 'HTMLBlock',
      parse(cx: BlockContext, line: Line): boolean {
        const rest = line.text.slice(line.pos)
        const end = htmlBlockEnd(rest)
        if (end === undefined) return false
        const from = cx.lineStart + line.pos
        const marks: Element[] = []
        let closed = end !== null && end.test(rest)
        while (!closed && cx.nextLine()) {
          // A container that does not go on, or (conditions 6 and 7) a blank line, ends the block before this line.
          if (containersEnded(cx, line) || (end === null && line.next === -1)) break
          for (const mark of line.markers) marks.push(mark)
          closed = end !== null && end.test(line.text)
        }

        if (closed) cx.nextLine()
        cx.addElement(cx.elt('HTMLBlock', from, cx.prevLineEnd(), marks))
        return true
      }
    }
  ]
}

/**
 * Hard breaks (two or more spaces, or a backslash, before a line ending), in
 * place of `@lezer/markdown`'s own, which scanned the rest of a run of spaces
 * from each of its spaces: a line of 400,000 spaces took minutes. A space
 * after a space is inside a run whose first space was tried already (nothing
 * else ends in a space), so each run is scanned once.
 */
const hardBreaks: MarkdownConfig = {
  parseInline: [
    {
      name: 'HardBreak',
      parse(cx: InlineContext, next: number, pos: number): number {
        if (next === 92 /* `\` */) return cx.char(pos + 1) === 10 ? cx.addElement(cx.elt('HardBreak', pos, pos + 2)) : -1
        if (next !== 32 || cx.char(pos - 1) === 32) return -1
        let end = pos + 1
        while (cx.char(end) === 32) end++
        return end - pos >= 2 && cx.char(end) === 10 ? cx.addElement(cx.elt('HardBreak', pos, end + 1)) : -1
      }
    }
  ]
}

function grammar(parser: MarkdownParser): Grammar {
  const types = parser.nodeSet.types
  const kinds = new Uint8Array(types.length)
  for (const type of types) kinds[type.id] = kindsByName[type.name] ?? Kind.Other
  return {parser, kinds}
}

let plainGrammar: Grammar | undefined
let footnoteGrammar: Grammar | undefined

/** The grammar for a document: footnotes only when it can have them. */
export function grammarFor(source: string): Grammar {
  if (source.includes('[^')) return (footnoteGrammar ??= grammar(commonmark.configure([Table, htmlBlocks, hardBreaks, footnotes])))
  return (plainGrammar ??= grammar(commonmark.configure([Table, htmlBlocks, hardBreaks])))
}

/** The text the parser reads, and how its offsets map back to the file. */
export interface Source {
  readonly text: string
  /** 1 when the file starts with a byte order mark, which the parser does not see. */
  readonly shift: number
  /** Offsets (in `text`) of the line feeds that were `\r\n` in the file, ascending; empty when there were none. */
  readonly crlf: Int32Array
}

/**
 * YAML (`---`) or TOML (`+++`) front matter: the fence alone on the first
 * line, up to the same fence alone on a line. Without a closing fence it is
 * not front matter. Linear: each line is tried once as the closing fence.
 */
const frontMatter = /^(---|\+\+\+)[ \t]*\n(?:[^\n]*\n)*?\1[ \t]*(?:\n|$)/

const noCrlf = new Int32Array(0)

/**
 * What the parser reads: the file without its byte order mark, with each
 * `\r\n` as one `\n` (and a lone `\r` as `\n`), and front matter blanked
 * (white space of the same length, so it parses as blank lines).
 */
export function prepareSource(doc: string): Source {
  const shift = doc.charCodeAt(0) === 0xfeff ? 1 : 0
  let text = shift === 1 ? doc.slice(1) : doc
  let crlf = noCrlf
  if (text.includes('\r')) {
    const feeds: number[] = []
    let removed = 0
    text = text.replace(/\r\n?/g, (match: string, offset: number) => {
      if (match.length === 2) feeds.push(offset - removed++)
      return '\n'
    })
    crlf = Int32Array.from(feeds)
  }

  const front = text.charCodeAt(0) === 45 || text.charCodeAt(0) === 43 ? frontMatter.exec(text) : null
  if (front) text = front[0].replace(/[^\n]/g, ' ') + text.slice(front[0].length)
  return {text, shift, crlf}
}
