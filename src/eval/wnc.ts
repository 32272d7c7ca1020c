/**
 * Wiki Neutrality Corpus pairs (`label.biased`, `label.neutral`): a sentence
 * before and after a Wikipedia neutrality edit. A puffery rule should fire
 * on the biased version and not on the neutral one. The sample is
 * lower-cased and tokenized the WNC way (`award - winning`, `kgb ' s`), so
 * the harness joins tokens back before linting (see `detokenize`).
 */
import {isRecord, isStringList, lintOptions, type EvalReport, type LintFunction} from './common.js'
import {describe, familyOf, oneLine, percent, table, type Family, type ScoredMessage} from './score.js'

/** One before/after pair. */
interface Pair {
  readonly id: string
  readonly biased: string
  readonly neutral: string
  readonly removed: readonly string[]
}

/** Counts of one family over the pairs. */
interface PairCounts {
  biased: number
  neutral: number
  biasedOnly: number
  both: number
  neutralOnly: number
  /** Biased-only pairs where a flagged phrase lies in the text the editor removed. */
  atRemoved: number
}

/** Whether a row looks like a WNC pair. */
export function isWncRow(value: unknown): boolean {
  return isRecord(value) && isRecord(value['label']) && typeof value['label']['biased'] === 'string' && typeof value['label']['neutral'] === 'string'
}

/**
 * Undo WNC tokenization where it changes what a reader sees: rejoin
 * hyphenated words and possessives, and drop the space before punctuation.
 * The text stays lower case.
 */
export function detokenize(value: string): string {
  return value
    .replace(/(\w) - (?=\w)/g, '$1-')
    .replace(/ ' (s|t|re|ve|ll|d|m)\b/g, "'$1")
    .replace(/ (n't)\b/g, '$1')
    .replace(/ ([,.;:!?)\]])/g, '$1')
    .replace(/([([]) /g, '$1')
    .replace(/\s+/g, ' ')
    .trim()
}

/** Count, per family, pairs flagged before and after the edit. */
export async function evaluateWnc(rows: readonly unknown[], lint: LintFunction): Promise<EvalReport> {
  const pairs: Pair[] = []
  for (const row of rows) {
    if (!isWncRow(row) || !isRecord(row)) continue
    const label = row['label'] as Record<string, unknown>
    const diff = isRecord(row['diff']) ? row['diff'] : {}
    pairs.push({
      id: String(row['id']),
      biased: detokenize(String(label['biased'])),
      neutral: detokenize(String(label['neutral'])),
      removed: isStringList(diff['removed']) ? diff['removed'].map((d) => detokenize(d)) : []
    })
  }

  const scored: Family[] = ['promotional', 'vague-sourcing']
  const counts = new Map<Family, PairCounts>(scored.map((family) => [family, {biased: 0, neutral: 0, biasedOnly: 0, both: 0, neutralOnly: 0, atRemoved: 0}]))
  const errors: string[] = []
  for (const pair of pairs) {
    const before = (await lint(pair.biased, lintOptions('text'))).messages
    const after = (await lint(pair.neutral, lintOptions('text'))).messages
    for (const family of scored) {
      const tally = counts.get(family)!
      const onBiased = before.filter((m) => familyOf(m.ruleId) === family)
      const onNeutral = after.filter((m) => familyOf(m.ruleId) === family)
      if (onBiased.length > 0) tally.biased++
      if (onNeutral.length > 0) tally.neutral++
      if (onBiased.length > 0 && onNeutral.length === 0) {
        tally.biasedOnly++
        if (onBiased.some((m) => inRemoved(m, pair.removed))) tally.atRemoved++
      } else if (onBiased.length > 0) {
        tally.both++
      } else if (onNeutral.length > 0) {
        tally.neutralOnly++
      }

      if (family === 'promotional' && onNeutral.length > 0) {
        errors.push('neutral flagged ' + pair.id + ': ' + oneLine(pair.neutral, 200) + '  ← ' + onNeutral.map((m) => describe(m)).join('; '))
      }

      if (family === 'promotional' && onBiased.length > 0 && onNeutral.length === 0 && !onBiased.some((m) => inRemoved(m, pair.removed))) {
        errors.push('biased-only, outside the edit ' + pair.id + ': ' + oneLine(pair.biased, 200) + '  ← ' + onBiased.map((m) => describe(m)).join('; '))
      }
    }
  }

  const total = pairs.length
  const header = ['', 'fires on biased', 'fires on biased, not on neutral', '… at the removed words', 'fires on both', 'fires on neutral only', 'fires on neutral (any)']
  const body = scored.map((family) => {
    const tally = counts.get(family)!
    return [family, percent(tally.biased, total), percent(tally.biasedOnly, total), percent(tally.atRemoved, total), percent(tally.both, total), percent(tally.neutralOnly, total), percent(tally.neutral, total)]
  })
  const summary = [
    '## Wiki Neutrality Corpus sample (' + total + ' biased → neutral pairs)',
    '',
    table([header, ...body]),
    '',
    '- Both versions are linted as plain text after rejoining WNC tokens (`award - winning` → `award-winning`); the text stays lower case, so rules that rely on capitals (names, `<proper>` slots) see none.',
    '- “At the removed words”: a flagged phrase lies inside the text the editor removed, so the rule fired for the reason the editor gave.',
    '- Not every edit is puffery (framing, presupposition and wording edits too), so “fires on biased, not on neutral” is a recall floor, not a recall.'
  ].join('\n')
  return {summary, errors}
}

/** Whether a message's words lie inside text the editor removed. */
function inRemoved(message: ScoredMessage, removed: readonly string[]): boolean {
  const actual = (message.actual ?? '').toLowerCase().replace(/\s+/g, ' ').trim()
  return actual !== '' && removed.some((d) => d.toLowerCase().includes(actual) || actual.includes(d.toLowerCase()))
}
