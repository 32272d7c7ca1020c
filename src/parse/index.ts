import type {Root} from 'nlcst'
import type {Plugin} from 'unified'
import type {VFile} from 'vfile'
import type {DocumentFacts, Format} from '../engine/types.js'
import {loadHtml} from '#load-html'
import {locatorFor} from './locator.js'
import {parseMarkdown} from './markdown.js'
import {parseText} from './text.js'
import {detectFormat} from './formats.js'
import {toRoot} from './to-nlcst.js'

export {detectFormat, extensions} from './formats.js'

/** Parse a document of any format into an nlcst root with positions in the original file, and its facts. */
export function parseDocument(file: VFile, format: Format): {tree: Root; facts: DocumentFacts} {
  const doc = String(file)
  const locator = locatorFor(file, doc)
  const {paragraphs, facts} =
    format === 'html' ? loadHtml().parseHtml(file, doc, locator) : format === 'text' ? parseText(doc, locator) : parseMarkdown(doc, locator)
  return {tree: toRoot(paragraphs, locator, doc.length), facts}
}

/** Options of the parser plugin. */
export interface ParseOptions {
  /** Format of the input (default: from the file extension, else `'markdown'`). */
  readonly format?: Format | undefined
}

/**
 * unified parser plugin: Markdown, HTML or plain text in, nlcst out, with
 * the source facts (links, citation markers, control comments) on `file.data`.
 */
export const credibilityParse: Plugin<[(ParseOptions | undefined)?], string, Root> = function (options) {
  this.parser = function (_document, file) {
    const format = detectFormat(file, options?.format)
    const {tree, facts} = parseDocument(file, format)
    file.data.credibility = facts
    file.data.credibilityFormat = format
    return tree
  }
}
