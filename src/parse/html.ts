import type {Nodes, Parents, Root} from 'hast'
import type {Paragraph} from 'nlcst'
import rehypeParse from 'rehype-parse'
import {unified} from 'unified'
import type {VFile} from 'vfile'
import type {DocumentFacts, MarkerFact} from '../engine/types.js'
import type {Locator} from './locator.js'
import {parseHtmlFlat} from './html-flat.js'
import {parseMarker} from './markers.js'
import {alignText, splitUrls} from './pieces.js'
import {createBlockCollector} from './to-nlcst.js'

const htmlParser = unified().use(rehypeParse).freeze()

/** Elements whose content is not prose. */
const skipped = new Set([
  'head', 'script', 'style', 'noscript', 'template', 'code', 'pre', 'kbd', 'samp', 'var', 'svg', 'math', 'textarea', 'iframe', 'object', 'select', 'button'
])

/** Elements that start and end a block of prose (everything else is phrasing). */
const blocks = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'dd', 'details', 'dialog', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer',
  'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'html', 'li', 'main', 'nav', 'ol', 'p', 'section', 'summary', 'table', 'tbody',
  'td', 'tfoot', 'th', 'thead', 'tr', 'ul', 'br'
])

/** Parse HTML and cut it into prose blocks, collecting links and markers. */
export function parseHtml(file: VFile, doc: string, locator: Locator): {paragraphs: Paragraph[]; facts: DocumentFacts} {
  let tree: Root
  try {
    tree = htmlParser.parse(file) as Root
  } catch (error) {
    // The hast conversion recurses once per level of nesting.
    if (error instanceof RangeError) return parseHtmlFlat(doc, locator, blocks, skipped)
    throw error
  }

  const facts: DocumentFacts = {format: 'html', links: [], citations: [], markers: [], blocks: []}
  const collector = createBlockCollector(locator, facts.blocks)
  const flush = collector.flush
  let pending: MarkerFact[] = []

  // Iterative walk with enter/exit events: deeply nested markup must not overflow the stack.
  type Step = {node: Nodes; parent: Parents | undefined; index: number; exit: boolean}
  const stack: Step[] = [{node: tree, parent: undefined, index: 0, exit: false}]
  while (stack.length > 0) {
    const {node, parent, index, exit} = stack.pop()!
    if (node.type === 'element' && blocks.has(node.tagName)) flush()
    if (exit) continue
    const start = node.position?.start.offset
    const end = node.position?.end.offset
    if (node.type === 'comment') {
      if (start !== undefined && end !== undefined) {
        const marker = parseMarker(doc.slice(start, end), start, end, undefined)
        if (marker) pending.push(marker)
      }
    } else if (node.type === 'text') {
      if (start !== undefined && end !== undefined && node.value.trim() !== '') {
        collector.add(splitUrls(alignText(doc, node.value, start, end)), start, end)
      }
    } else if (node.type === 'element' || node.type === 'root') {
      if (node.type === 'element') {
        // `ignore` covers the next element in document order; implied wrappers have no position.
        if (start !== undefined && end !== undefined && pending.length > 0) {
          for (const marker of pending) facts.markers.push({...marker, nextEnd: end})
          pending = []
        }

        if (skipped.has(node.tagName)) continue
        if (node.tagName === 'a' && start !== undefined && end !== undefined) {
          const href = node.properties['href']
          const rel = node.properties['rel']
          if (typeof href === 'string') {
            facts.links.push({url: href, start, end, rel: Array.isArray(rel) ? rel.map((d) => String(d).toLowerCase()) : [], kind: 'html'})
          }
        }

        if (blocks.has(node.tagName)) stack.push({node, parent, index, exit: true})
      }

      for (let child = node.children.length - 1; child >= 0; child--) {
        stack.push({node: node.children[child]!, parent: node, index: child, exit: false})
      }
    }
  }

  flush()
  facts.markers.push(...pending)
  facts.markers.sort((a, b) => a.start - b.start)
  facts.links.sort((a, b) => a.start - b.start)
  return {paragraphs: collector.paragraphs, facts}

}
