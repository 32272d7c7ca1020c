import type {MarkerFact} from '../engine/types.js'

/** The comment marker name: `<!-- retext-credibility disable promotional -->`. */
export const markerName = 'retext-credibility'

const markerExpression = /^<!--\s*retext-credibility\b([^]*?)-->\s*$/

/**
 * Parse the text of an HTML comment (`<!-- … -->`, as in Markdown `html`
 * nodes) into a marker, if it is one of ours.
 */
export function parseMarker(raw: string, start: number, end: number, nextEnd: number | undefined): MarkerFact | undefined {
  const match = markerExpression.exec(raw.trim())
  if (!match) return undefined
  const words = (match[1] ?? '').trim().split(/[\s,]+/).filter(Boolean)
  const verb = words.shift() ?? ''
  return {verb, ruleIds: words, start, end, nextEnd}
}
