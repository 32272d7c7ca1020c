import type {Nodes, Parents, Root} from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import {gfmFootnoteFromMarkdown} from 'mdast-util-gfm-footnote'
import {gfmTableFromMarkdown} from 'mdast-util-gfm-table'
import {gfmFootnote} from 'micromark-extension-gfm-footnote'
import {gfmTable} from 'micromark-extension-gfm-table'
import remarkParse from 'remark-parse'
import {unified, type Processor} from 'unified'
import type {VFile} from 'vfile'
import type {DocumentFacts, LinkFact} from '../engine/types.js'
import type {Locator} from './locator.js'
import {parseMarker} from './markers.js'
import {alignText, splitUrls, type Piece} from './pieces.js'
import type {Paragraph} from 'nlcst'
import {blockToParagraphs} from './to-nlcst.js'
import {linksInHtml} from './html-links.js'

/**
 * GFM footnotes (citation markers) and tables, without GFM's autolink
 * literals: those cost a third of the parse, and bare URLs are found by the
 * linear URL splitter instead, which also keeps them out of prose.
 */
function remarkGfmParts(this: Processor): void {
  const data = this.data()
  ;(data.micromarkExtensions ??= []).push(gfmFootnote(), gfmTable())
  ;(data.fromMarkdownExtensions ??= []).push(gfmFootnoteFromMarkdown(), gfmTableFromMarkdown())
}

const markdownParser = unified().use(remarkParse).use(remarkGfmParts).use(remarkFrontmatter, ['yaml', 'toml']).freeze()

/** Block nodes whose phrasing children are prose. */
const leafBlocks = new Set(['paragraph', 'heading', 'tableCell'])
/** Block nodes that only hold other blocks. */
const containers = new Set(['root', 'blockquote', 'list', 'listItem', 'footnoteDefinition', 'table', 'tableRow'])
/** Inline nodes whose text is literal, not prose. */
const literalInline = new Set(['inlineCode', 'inlineMath', 'html'])

/** Parse Markdown and cut it into prose blocks, collecting links, citations and markers. */
export function parseMarkdown(file: VFile, doc: string, locator: Locator): {paragraphs: Paragraph[]; facts: DocumentFacts} {
  const tree = markdownParser.parse(file) as Root
  const facts: DocumentFacts = {format: 'markdown', links: [], citations: [], markers: [], blocks: []}
  const definitions = new Map<string, string>()
  const references: Array<{id: string; start: number; end: number}> = []
  const paragraphs: Paragraph[] = []

  // Iterative walk: deeply nested block quotes must not overflow the stack.
  const stack: Array<{node: Nodes; parent: Parents | undefined; index: number}> = [{node: tree, parent: undefined, index: 0}]
  while (stack.length > 0) {
    const {node, parent, index} = stack.pop()!
    const start = node.position?.start.offset
    const end = node.position?.end.offset
    if (node.type === 'definition') {
      definitions.set(node.identifier.toLowerCase(), node.url)
    } else if (node.type === 'html' && start !== undefined && end !== undefined) {
      const next = parent ? nextSibling(parent, index) : undefined
      const marker = parseMarker(node.value, start, end, next?.position?.end.offset)
      if (marker) facts.markers.push(marker)
      else for (const link of linksInHtml(node.value, start)) facts.links.push(link)
    } else if (leafBlocks.has(node.type) && 'children' in node && start !== undefined && end !== undefined) {
      const pieces: Piece[] = []
      collectInline(node, pieces)
      const blockParagraphs = blockToParagraphs(pieces, locator)
      if (blockParagraphs.length > 0) {
        facts.blocks.push({start, end})
        paragraphs.push(...blockParagraphs)
      }
    } else if (containers.has(node.type) && 'children' in node) {
      for (let child = node.children.length - 1; child >= 0; child--) {
        stack.push({node: node.children[child]!, parent: node, index: child})
      }
    }
  }

  for (const reference of references) {
    const url = definitions.get(reference.id)
    if (url) facts.links.push({url, start: reference.start, end: reference.end, rel: [], kind: 'reference'})
  }

  facts.links.sort((a, b) => a.start - b.start)
  facts.citations.sort((a, b) => a - b)
  return {paragraphs, facts}

  function onBareUrl(url: string, start: number, end: number): void {
    facts.links.push({url, start, end, rel: [], kind: 'bare'})
  }

  function collectInline(parent: Parents, pieces: Piece[]): void {
    for (const child of parent.children) {
      const start = child.position?.start.offset
      const end = child.position?.end.offset
      if (start === undefined || end === undefined) continue
      if (child.type === 'text') {
        pieces.push(...splitUrls(alignText(doc, child.value, start, end), onBareUrl))
      } else if (child.type === 'break') {
        pieces.push({kind: 'source', value: doc.slice(start, end), offsets: start})
      } else if (literalInline.has(child.type)) {
        if (child.type === 'html') for (const link of linksInHtml((child as {value: string}).value, start)) facts.links.push(link)
        pieces.push({kind: 'source', value: doc.slice(start, end), offsets: start})
      } else if (child.type === 'footnoteReference') {
        facts.citations.push(start)
      } else if (child.type === 'link') {
        const label = child.children.length === 1 && child.children[0]?.type === 'text' ? child.children[0].value : undefined
        const isAutolink = label !== undefined && (child.url === label || child.url === 'mailto:' + label || child.url.replace(/^https?:\/\//, '') === label.replace(/^https?:\/\//, ''))
        facts.links.push({url: child.url, start, end, rel: [], kind: isAutolink ? 'autolink' : 'inline'})
        if (isAutolink) pieces.push({kind: 'source', value: doc.slice(start, end), offsets: start})
        else collectInline(child, pieces)
      } else if (child.type === 'linkReference') {
        references.push({id: child.identifier.toLowerCase(), start, end})
        collectInline(child, pieces)
      } else if ('children' in child) {
        collectInline(child, pieces)
      }
    }
  }
}

function nextSibling(parent: Parents, index: number): Nodes | undefined {
  return parent.children[index + 1]
}
