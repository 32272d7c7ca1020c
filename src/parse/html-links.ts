import type {LinkFact} from '../engine/types.js'

// Linear: no nested quantifiers; attribute values are runs of one character class.
const anchorExpression = /<a\b[^>]*>/gi
const hrefExpression = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i
const relExpression = /\brel\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i

/** Find `<a href>` links in raw HTML embedded in Markdown. */
export function linksInHtml(raw: string, offset: number): LinkFact[] {
  if (!raw.includes('<a') && !raw.includes('<A')) return []
  const links: LinkFact[] = []
  const lower = raw.toLowerCase()
  anchorExpression.lastIndex = 0
  let match = anchorExpression.exec(raw)
  while (match) {
    const tag = match[0]
    const href = hrefExpression.exec(tag)
    if (href) {
      const rel = relExpression.exec(tag)
      const close = lower.indexOf('</a>', match.index)
      const end = close === -1 ? match.index + tag.length : close + 4
      links.push({
        url: href[1] ?? href[2] ?? href[3] ?? '',
        start: offset + match.index,
        end: offset + end,
        rel: (rel?.[1] ?? rel?.[2] ?? rel?.[3] ?? '').toLowerCase().split(/\s+/).filter(Boolean),
        kind: 'html'
      })
    }

    match = anchorExpression.exec(raw)
  }

  return links
}
