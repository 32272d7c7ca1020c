import type {Paragraph} from 'nlcst'
import type {DocumentFacts} from '../engine/types.js'
import type {Locator} from './locator.js'
import {splitUrls, type Piece} from './pieces.js'
import {createBlockCollector} from './to-nlcst.js'

const bullet = /^\s*(?:[-*•‣◦]|\d{1,3}[.)])\s/

/**
 * Cut plain text into blocks.
 *
 * Scraped articles put one block per line with no blank lines between, and
 * headings carry no final punctuation, so a line break ends the block unless
 * the next line carries on in lower case (hard-wrapped prose).
 */
export function parseText(doc: string, locator: Locator): {paragraphs: Paragraph[]; facts: DocumentFacts} {
  const facts: DocumentFacts = {format: 'text', links: [], citations: [], markers: [], blocks: []}
  const collector = createBlockCollector(locator, facts.blocks)
  const flush = collector.flush
  let open = false
  let lineStart = 0

  while (lineStart <= doc.length) {
    let lineEnd = doc.indexOf('\n', lineStart)
    if (lineEnd === -1) lineEnd = doc.length
    const contentEnd = lineEnd > lineStart && doc.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd
    const line = doc.slice(lineStart, contentEnd)
    if (line.trim() === '') {
      flush()
      open = false
    } else {
      if (open) collector.add([{kind: 'text', value: '\n', offsets: lineStart - 1}], lineStart - 1, lineStart)
      const piece: Piece = {kind: 'text', value: line, offsets: lineStart}
      collector.add(splitUrls(piece, (url, start, end) => facts.links.push({url, start, end, rel: [], kind: 'bare'})), lineStart, contentEnd)
      open = true
      const next = lineEnd < doc.length ? doc.slice(lineEnd + 1, Math.min(doc.length, lineEnd + 3)) : ''
      const carriesOn = /^[a-z]/.test(next.trimStart()) && !bullet.test(doc.slice(lineEnd + 1, lineEnd + 8))
      if (!carriesOn) {
        flush()
        open = false
      }
    }

    lineStart = lineEnd + 1
  }

  flush()
  return {paragraphs: collector.paragraphs, facts}

}
