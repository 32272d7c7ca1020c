/**
 * Counting and printing for the evaluation harness: which families a lint
 * result flags, confusion counts, precision, recall and F1, and Markdown
 * tables.
 */

/** The rule families the harness scores. */
export const families = ['vague-sourcing', 'promotional', 'affiliate'] as const

/** One rule family. */
export type Family = (typeof families)[number]

/** The least a message needs for scoring. */
export interface ScoredMessage {
  readonly ruleId?: string | undefined
  readonly source?: string | undefined
  readonly actual?: string | undefined
  readonly line?: number | undefined
  readonly column?: number | undefined
}

/** The family of a rule id: `vague-sourcing…` and `promotional…` by prefix, `affiliate` anywhere. */
export function familyOf(ruleId: string | undefined): Family | undefined {
  if (!ruleId) return undefined
  if (ruleId.startsWith('vague-sourcing')) return 'vague-sourcing'
  if (ruleId.startsWith('promotional')) return 'promotional'
  if (ruleId.includes('affiliate')) return 'affiliate'
  return undefined
}

/** The families flagged by a list of messages. */
export function flaggedFamilies(messages: readonly ScoredMessage[]): Set<Family> {
  const result = new Set<Family>()
  for (const message of messages) {
    const family = familyOf(message.ruleId)
    if (family) result.add(family)
  }

  return result
}

/** Confusion counts of one binary decision over a set of items. */
export interface Tally {
  tp: number
  fp: number
  fn: number
  tn: number
}

/** A tally at zero. */
export function emptyTally(): Tally {
  return {tp: 0, fp: 0, fn: 0, tn: 0}
}

/** Add one decision to a tally. */
export function count(tally: Tally, gold: boolean, predicted: boolean): void {
  if (gold && predicted) tally.tp++
  else if (predicted) tally.fp++
  else if (gold) tally.fn++
  else tally.tn++
}

/** Precision, recall and F1 of a tally; `undefined` when a ratio has nothing to divide by. */
export function metrics(tally: Tally): {precision: number | undefined; recall: number | undefined; f1: number | undefined} {
  const precision = tally.tp + tally.fp === 0 ? undefined : tally.tp / (tally.tp + tally.fp)
  const recall = tally.tp + tally.fn === 0 ? undefined : tally.tp / (tally.tp + tally.fn)
  const f1 = precision === undefined || recall === undefined || precision + recall === 0 ? undefined : (2 * precision * recall) / (precision + recall)
  return {precision, recall, f1}
}

/** A ratio with three decimals, or `–` when undefined. */
export function ratio(value: number | undefined): string {
  return value === undefined ? '–' : value.toFixed(3)
}

/** A share as a percentage with one decimal, with its counts: `12.3% (45/366)`. */
export function percent(part: number, whole: number): string {
  return (whole === 0 ? '–' : ((100 * part) / whole).toFixed(1) + '%') + ' (' + part + '/' + whole + ')'
}

/** A Markdown table; the first row is the header. Cells after the first are right-aligned. */
export function table(rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  const cells = rows.map((row) => row.map((cell) => String(cell).replace(/\|/g, '\\|')))
  const widths: number[] = []
  for (const row of cells) for (const [index, cell] of row.entries()) widths[index] = Math.max(widths[index] ?? 3, cell.length)
  const line = (row: readonly string[]): string =>
    '| ' + row.map((cell, index) => (index === 0 ? cell.padEnd(widths[index]!) : cell.padStart(widths[index]!))).join(' | ') + ' |'
  const [header, ...body] = cells
  if (!header) return ''
  const rule = '|' + widths.map((width, index) => (index === 0 ? ' ' + '-'.repeat(width) + ' ' : ' ' + '-'.repeat(width - 1) + ': ')).join('|') + '|'
  return [line(header), rule, ...body.map((row) => line(row))].join('\n')
}

/** The header of a precision/recall table. */
export const scoreHeader: readonly string[] = ['', 'items', 'TP', 'FP', 'FN', 'TN', 'precision', 'recall', 'F1']

/** One row of a precision/recall table. */
export function scoreRow(name: string, tally: Tally): string[] {
  const {precision, recall, f1} = metrics(tally)
  const items = tally.tp + tally.fp + tally.fn + tally.tn
  return [name, String(items), String(tally.tp), String(tally.fp), String(tally.fn), String(tally.tn), ratio(precision), ratio(recall), ratio(f1)]
}

/** A message as one short line for error listings: `ruleId “actual”`. */
export function describe(message: ScoredMessage): string {
  return (message.ruleId ?? '?') + (message.actual ? ' “' + oneLine(message.actual, 60) + '”' : '')
}

/** Collapse white space and cut a text to `size` characters. */
export function oneLine(value: string, size = 160): string {
  const clean = value.replace(/\s+/g, ' ').trim()
  return clean.length > size ? clean.slice(0, size - 1) + '…' : clean
}
