import type {Format} from '../engine/types.js'

/**
 * The disclosure the quick fix inserts. It is worded so that the
 * `affiliate-disclosure` rule reads it as clear, and it says what the FTC
 * asks for: that there is a material connection, in plain words.
 */
export const standardDisclosure = 'Disclosure: This post contains affiliate links, and we may earn a commission when you buy through them.'

/** The sentence Amazon's Associates operating agreement requires on pages with its links. */
export const amazonStatement = 'As an Amazon Associate we earn from qualifying purchases.'

/** An insertion: where (an offset into the text) and what. */
export interface Insertion {
  readonly offset: number
  readonly text: string
}

/**
 * Insert `sentence` as its own paragraph at the top of a document, where
 * readers see it before any link: in Markdown after front matter and a
 * leading title; in HTML after the first `<h1>` or the opening
 * `<body>`, `<main>` or `<article>` that comes before the first link; in
 * plain text at the very top.
 */
export function insertAtTop(text: string, format: Format, sentence: string): Insertion {
  const eol = text.includes('\r\n') ? '\r\n' : '\n'
  if (format === 'html') return insertHtml(text, sentence, eol)
  const lines = splitLines(text)
  const after = format === 'markdown' ? markdownHeaderEnd(lines) : 0
  if (after === 0) return {offset: 0, text: sentence + eol + eol}
  const next = lines[after]
  if (!next) {
    // The header is the whole document.
    const last = lines[lines.length - 1]
    const needsBreak = last !== undefined && last.end === text.length && last.text !== ''
    return {offset: text.length, text: (needsBreak ? eol : '') + eol + sentence + eol}
  }

  return {offset: next.start, text: eol + sentence + eol + (next.text.trim() === '' ? '' : eol)}
}

interface Line {
  readonly text: string
  readonly start: number
  /** Offset after the text, before the line ending. */
  readonly end: number
}

function splitLines(text: string): Line[] {
  const lines: Line[] = []
  const pattern = /\r?\n/g
  let start = 0
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    lines.push({text: text.slice(start, match.index), start, end: match.index})
    start = match.index + match[0].length
  }

  if (start < text.length) lines.push({text: text.slice(start), start, end: text.length})
  return lines
}

/** Index of the first line after YAML / TOML front matter and a leading level-1 heading. */
function markdownHeaderEnd(lines: readonly Line[]): number {
  let index = 0
  const fence = lines[0]?.text.trimEnd()
  if (fence === '---' || fence === '+++') {
    const close = lines.findIndex((line, n) => n > 0 && line.text.trimEnd() === fence)
    if (close > 0) index = close + 1
  }

  const afterFrontMatter = index
  while (index < lines.length && lines[index]?.text.trim() === '') index++
  const line = lines[index]?.text ?? ''
  if (/^ {0,3}#(?:[ \t]|$)/.test(line)) return index + 1
  if (line.trim() !== '' && /^ {0,3}=+[ \t]*$/.test(lines[index + 1]?.text ?? '')) return index + 2
  return afterFrontMatter
}

function insertHtml(text: string, sentence: string, eol: string): Insertion {
  const firstLink = text.search(/<a[\s>]/i)
  const limit = firstLink === -1 ? text.length : firstLink
  let offset = 0
  for (const pattern of [/<\/h1\s*>/i, /<body(?:\s[^>]*)?>/i, /<main(?:\s[^>]*)?>/i, /<article(?:\s[^>]*)?>/i]) {
    const match = pattern.exec(text)
    if (match && match.index + match[0].length <= limit) offset = Math.max(offset, match.index + match[0].length)
  }

  const paragraph = '<p>' + escapeHtml(sentence) + '</p>'
  if (offset === 0) return {offset: 0, text: paragraph + eol}
  const indent = /^[\r\n]*([ \t]*)/.exec(text.slice(offset))?.[1] ?? ''
  return {offset, text: eol + indent + paragraph}
}

function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}
