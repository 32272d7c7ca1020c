/**
 * Our own labeled set: `{id, text, expect: [families], optional: [families]}`
 * per line, linted as Markdown. A family in `expect` must be flagged; one in
 * `optional` may or may not be (the item does not count for that family);
 * any other family must stay quiet.
 */
import {isRecord, isStringList, lintOptions, type EvalReport, type LintFunction} from './common.js'
import {describe, emptyTally, families, flaggedFamilies, oneLine, count, scoreHeader, scoreRow, table, type Family, type ScoredMessage, type Tally} from './score.js'

/** One labeled item. */
export interface LabeledItem {
  readonly id: string
  readonly text: string
  readonly expect: readonly Family[]
  readonly optional: readonly Family[]
}

/** An item a family got wrong. */
export interface WrongItem {
  readonly item: LabeledItem
  readonly family: Family
  /** `FP`: flagged but not expected; `FN`: expected but not flagged. */
  readonly kind: 'FP' | 'FN'
  readonly messages: readonly ScoredMessage[]
}

/** Scores per family on the labeled set. */
export interface ItemsScore {
  readonly tallies: Readonly<Record<Family, Tally>>
  /** Items skipped for a family because it is `optional` there. */
  readonly skipped: Readonly<Record<Family, number>>
  readonly wrong: readonly WrongItem[]
}

/** Whether a row has the shape of a labeled item. */
export function isLabeledItem(value: unknown): value is LabeledItem {
  if (!isRecord(value)) return false
  const known = (list: unknown): boolean => isStringList(list) && list.every((d) => (families as readonly string[]).includes(d))
  return typeof value['id'] === 'string' && typeof value['text'] === 'string' && known(value['expect']) && (value['optional'] === undefined || known(value['optional']))
}

/** Lint every item and count, per family, true and false positives and misses. */
export async function scoreItems(items: readonly LabeledItem[], lint: LintFunction): Promise<ItemsScore> {
  const tallies = {} as Record<Family, Tally>
  const skipped = {} as Record<Family, number>
  for (const family of families) {
    tallies[family] = emptyTally()
    skipped[family] = 0
  }

  const wrong: WrongItem[] = []
  for (const item of items) {
    const file = await lint(item.text, lintOptions('markdown'))
    const flagged = flaggedFamilies(file.messages)
    for (const family of families) {
      if ((item.optional ?? []).includes(family) && !item.expect.includes(family)) {
        skipped[family]++
        continue
      }

      const gold = item.expect.includes(family)
      const predicted = flagged.has(family)
      count(tallies[family], gold, predicted)
      if (gold !== predicted) {
        wrong.push({item, family, kind: predicted ? 'FP' : 'FN', messages: file.messages.filter((m) => flaggedFamilies([m]).has(family))})
      }
    }
  }

  return {tallies, skipped, wrong}
}

/** The per-family table of a score. */
export function itemsTable(score: ItemsScore): string {
  return table([scoreHeader, ...families.map((family) => scoreRow(family, score.tallies[family]))])
}

/** One line per wrong item: kind, family, id, text, and what fired. */
export function wrongLines(score: ItemsScore): string[] {
  return score.wrong.map(({item, family, kind, messages}) => {
    const fired = messages.length > 0 ? '  ← ' + messages.map((m) => describe(m)).join('; ') : ''
    return kind + ' ' + family + ' ' + item.id + ': ' + oneLine(item.text) + fired
  })
}

/** Run the labeled set and print its table. */
export async function evaluateItems(rows: readonly unknown[], lint: LintFunction): Promise<EvalReport> {
  const items = rows.filter((row) => isLabeledItem(row))
  const score = await scoreItems(items, lint)
  const skipped = families.filter((family) => score.skipped[family] > 0).map((family) => family + ' ' + score.skipped[family])
  const summary = [
    '## Labeled items (' + items.length + ', linted as Markdown)',
    '',
    itemsTable(score),
    '',
    'A family counts as flagged on an item when any message of that family fires anywhere in it.' +
      (skipped.length > 0 ? ' Items where a family is `optional` do not count for it (' + skipped.join(', ') + ').' : '') +
      (items.length < rows.length ? ' ' + (rows.length - items.length) + ' rows without the item shape were left out.' : '')
  ].join('\n')
  return {summary, errors: wrongLines(score)}
}
