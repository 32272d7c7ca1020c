import {createHash} from 'node:crypto'
import type {VFileMessage} from 'vfile-message'

/**
 * A fingerprint of a finding that survives unrelated edits: its rule, the
 * matched words and the sentence around them, all whitespace-normalized —
 * never line numbers, so adding a paragraph above does not change it.
 */
export function fingerprint(message: VFileMessage, doc: string): string {
  const start = message.place && 'start' in message.place ? message.place.start.offset : undefined
  const end = message.place && 'end' in message.place ? message.place.end.offset : undefined
  let matched = message.actual ?? ''
  let sentence = message.reason
  if (start !== undefined && end !== undefined) {
    if (!message.actual) matched = doc.slice(start, end)
    sentence = sentenceAround(doc, start, end)
  }

  return createHash('sha256')
    .update([message.ruleId ?? '', normalize(matched), normalize(sentence)].join('\u0000'))
    .digest('hex')
    .slice(0, 20)
}

/** How far to look for a sentence boundary, so that a document without punctuation stays cheap. */
const reach = 400

/** The sentence (or, lacking punctuation, the paragraph part) around a range of a document. */
export function sentenceAround(doc: string, start: number, end: number): string {
  let from = start
  const floor = Math.max(0, start - reach)
  while (from > floor) {
    const before = doc.charAt(from - 1)
    if (/[.!?]/.test(before) && /\s/.test(doc.charAt(from))) break
    if (before === '\n' && lineBefore(doc, from - 1).trim() === '') break
    from--
  }

  let to = end
  const ceiling = Math.min(doc.length, end + reach)
  while (to < ceiling) {
    const here = doc.charAt(to)
    if (/[.!?]/.test(here) && (to + 1 === doc.length || /\s/.test(doc.charAt(to + 1)))) {
      to++
      break
    }

    if (here === '\n' && lineAfter(doc, to).trim() === '') break
    to++
  }

  return doc.slice(from, to)
}

/** The text of the line that ends right before `offset` (a newline). */
function lineBefore(doc: string, offset: number): string {
  const start = doc.lastIndexOf('\n', offset - 1) + 1
  return doc.slice(start, offset)
}

/** The text of the line that starts right after `offset` (a newline). */
function lineAfter(doc: string, offset: number): string {
  const end = doc.indexOf('\n', offset + 1)
  return doc.slice(offset + 1, end === -1 ? doc.length : end)
}

function normalize(value: string): string {
  return value.replace(/\s+/g, ' ').trim().toLowerCase()
}
