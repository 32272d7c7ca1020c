import type {Paragraph} from 'nlcst'
import type {DocumentFacts} from '../engine/types.js'
import {linksInHtml} from './html-links.js'
import type {Locator} from './locator.js'
import {parseMarker} from './markers.js'
import {splitUrls} from './pieces.js'
import {createBlockCollector} from './to-nlcst.js'

const tagExpression = /<!--[^]*?-->|<\/?([a-zA-Z][\w-]*)[^>]*>/g

/**
 * Flat scan of HTML markup, for documents nested too deeply for a tree (the
 * hast conversion recurses per level): tags separate text, block tags end
 * blocks, and the contents of code, scripts and styles are skipped.
 */
export function parseHtmlFlat(doc: string, locator: Locator, blocks: ReadonlySet<string>, skipped: ReadonlySet<string>): {paragraphs: Paragraph[]; facts: DocumentFacts} {
  const facts: DocumentFacts = {format: 'html', links: linksInHtml(doc, 0), citations: [], markers: [], blocks: []}
  const collector = createBlockCollector(locator, facts.blocks)
  const flush = collector.flush
  let skipping = ''
  let last = 0
  tagExpression.lastIndex = 0
  let match = tagExpression.exec(doc)
  while (true) {
    const end = match ? match.index : doc.length
    if (!skipping && end > last && doc.slice(last, end).trim() !== '') {
      collector.add(splitUrls({kind: 'text', value: doc.slice(last, end), offsets: last}), last, end)
    }

    if (!match) break
    const name = (match[1] ?? '').toLowerCase()
    const closing = match[0].startsWith('</')
    if (match[0].startsWith('<!--')) {
      const marker = parseMarker(match[0], match.index, match.index + match[0].length, undefined)
      if (marker) facts.markers.push(marker)
    } else if (skipping) {
      if (closing && name === skipping) skipping = ''
    } else if (skipped.has(name) && !closing) {
      skipping = name
    } else if (blocks.has(name)) {
      flush()
    }

    last = match.index + match[0].length
    match = tagExpression.exec(doc)
  }

  flush()
  return {paragraphs: collector.paragraphs, facts}

}
