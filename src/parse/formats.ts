import type {VFile} from 'vfile'
import type {Format} from '../engine/types.js'

/** File extensions per format (lower case, with the dot). */
export const extensions: Readonly<Record<Format, readonly string[]>> = {
  markdown: ['.md', '.markdown', '.mdown', '.mkd', '.mdx'],
  html: ['.html', '.htm', '.xhtml'],
  text: ['.txt', '.text']
}

const byExtension = new Map<string, Format>()
for (const [format, list] of Object.entries(extensions) as Array<[Format, readonly string[]]>) {
  for (const extension of list) byExtension.set(extension, format)
}

/** The format for a file: the given one, else by extension, else Markdown. */
export function detectFormat(file: VFile, format?: Format | undefined): Format {
  if (format) return format
  const extension = (file.extname ?? '').toLowerCase()
  return byExtension.get(extension) ?? 'markdown'
}
