import {extname} from 'node:path'
import type {Format} from '../engine/types.js'
import {extensions} from '../parse/index.js'

/** Language ids that editors use for the formats we lint (VS Code, Neovim filetypes, Helix). */
const byLanguageId: Readonly<Record<string, Format>> = {
  markdown: 'markdown',
  mdx: 'markdown',
  'markdown.mdx': 'markdown',
  html: 'html',
  xhtml: 'html',
  plaintext: 'text',
  text: 'text'
}

const byExtension = new Map<string, Format>()
for (const [format, list] of Object.entries(extensions) as Array<[Format, readonly string[]]>) {
  for (const extension of list) byExtension.set(extension, format)
}

/**
 * The format to lint a document as: its language id when it names one of
 * ours (an editor knows better than a file name, and unsaved documents have
 * none), else its extension; `undefined` when the document is not ours, so
 * that a client attached to other file types gets no diagnostics for them.
 */
export function documentFormat(languageId: string, path: string | undefined): Format | undefined {
  return byLanguageId[languageId.toLowerCase()] ?? (path ? byExtension.get(extname(path).toLowerCase()) : undefined)
}
