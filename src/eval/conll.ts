/**
 * CoNLL-2010 Wikipedia sentences (`label.uncertain`): `vague-sourcing` and
 * `promotional` together are scored as one detector of the "uncertain"
 * class (weasel attributions, hedges and peacock terms), each sentence
 * linted as plain text. With hedges on, the hedge words of
 * `retext-intensify` count as "uncertain" too.
 */
import type {Root} from 'nlcst'
import {unified, type Plugin} from 'unified'
import {VFile} from 'vfile'
import {credibilityParse} from '../parse/index.js'
import {isRecord, lintOptions, type EvalReport, type LintFunction} from './common.js'
import {count, describe, emptyTally, familyOf, oneLine, scoreHeader, scoreRow, table, type ScoredMessage} from './score.js'

/** One sentence of the CoNLL slice. */
interface ConllRow {
  readonly id: string
  readonly text: string
  readonly uncertain: boolean
}

/** Hedges in a text: those retext-intensify reports as `hedge`, and every word of its hedge list. */
interface Hedges {
  readonly messages: readonly string[]
  readonly list: readonly string[]
}

/** Finds hedges in a text. */
type HedgeFinder = (text: string) => Promise<Hedges>

/** Whether a row looks like the CoNLL slice. */
export function isConllRow(value: unknown): boolean {
  return isRecord(value) && typeof value['text'] === 'string' && isRecord(value['label']) && typeof value['label']['uncertain'] === 'boolean'
}

/**
 * Load `retext-intensify` (a devDependency) at run time, so the harness
 * runs without it; its `hedge` messages are the hedges.
 */
export async function loadHedgeFinder(): Promise<HedgeFinder | undefined> {
  const name = 'retext-intensify'
  let plugin: unknown
  try {
    const module: unknown = await import(name)
    plugin = isRecord(module) ? module['default'] : undefined
  } catch {
    return undefined
  }

  if (typeof plugin !== 'function') return undefined
  // retext-intensify files a word that is on both its hedge and weasel (or filler) lists under
  // `weasel` (`apparently`, `might`, `believed`); its own hedge list, when it can be loaded, counts those too.
  const hedgeWords = await loadHedgeList()
  const processor = unified()
    .use(credibilityParse, {format: 'text'})
    .use(plugin as Plugin<[], Root>)
  return async function (text) {
    const file = new VFile(text)
    const tree = processor.parse(file)
    await processor.run(tree, file)
    return {
      messages: file.messages.filter((message) => message.ruleId === 'hedge').map((message) => message.actual ?? ''),
      list: file.messages.filter((message) => message.ruleId === 'hedge' || hedgeWords.has((message.actual ?? '').toLowerCase())).map((message) => message.actual ?? '')
    }
  }
}

/** The `hedges` word list that retext-intensify uses, or an empty set when it cannot be loaded. */
async function loadHedgeList(): Promise<Set<string>> {
  const name = 'hedges'
  try {
    const module: unknown = await import(name)
    const list = isRecord(module) ? module['hedges'] : undefined
    return new Set(Array.isArray(list) ? list.filter((d): d is string => typeof d === 'string') : [])
  } catch {
    return new Set()
  }
}

/** Score the CoNLL slice, as shipped and (with `hedges`) with hedge detection on. */
export async function evaluateConll(rows: readonly unknown[], lint: LintFunction, options: {readonly hedges: boolean}): Promise<EvalReport> {
  const sentences: ConllRow[] = []
  for (const row of rows) {
    if (!isConllRow(row) || !isRecord(row)) continue
    const label = row['label'] as Record<string, unknown>
    sentences.push({id: String(row['id']), text: String(row['text']), uncertain: label['uncertain'] === true})
  }

  const findHedges = options.hedges ? await loadHedgeFinder() : undefined
  const shipped = emptyTally()
  const vague = emptyTally()
  const promo = emptyTally()
  const hedgeOnly = emptyTally()
  const withHedges = emptyTally()
  const listOnly = emptyTally()
  const withList = emptyTally()
  const errors: string[] = []
  for (const sentence of sentences) {
    const file = await lint(sentence.text, lintOptions('text'))
    const fired: ScoredMessage[] = file.messages.filter((m) => {
      const family = familyOf(m.ruleId)
      return family === 'vague-sourcing' || family === 'promotional'
    })
    const hasVague = fired.some((m) => familyOf(m.ruleId) === 'vague-sourcing')
    const hasPromo = fired.some((m) => familyOf(m.ruleId) === 'promotional')
    count(shipped, sentence.uncertain, fired.length > 0)
    count(vague, sentence.uncertain, hasVague)
    count(promo, sentence.uncertain, hasPromo)
    let hedges: readonly string[] = []
    if (findHedges) {
      const found = await findHedges(sentence.text)
      hedges = found.list
      count(hedgeOnly, sentence.uncertain, found.messages.length > 0)
      count(withHedges, sentence.uncertain, fired.length > 0 || found.messages.length > 0)
      count(listOnly, sentence.uncertain, found.list.length > 0)
      count(withList, sentence.uncertain, fired.length > 0 || found.list.length > 0)
    }

    const predicted = fired.length > 0 || hedges.length > 0
    if (predicted !== sentence.uncertain) {
      const why = [...fired.map((m) => describe(m)), ...hedges.map((d) => 'hedge “' + d + '”')]
      errors.push((predicted ? 'FP ' : 'FN ') + sentence.id + ': ' + oneLine(sentence.text, 200) + (why.length > 0 ? '  ← ' + why.join('; ') : ''))
    }
  }

  const uncertain = sentences.filter((d) => d.uncertain).length
  const rowsOut = [
    scoreHeader,
    scoreRow('vague-sourcing + promotional (as shipped)', shipped),
    scoreRow('vague-sourcing alone', vague),
    scoreRow('promotional alone', promo)
  ]
  const all = emptyTally()
  for (const sentence of sentences) count(all, sentence.uncertain, true)
  if (findHedges) {
    rowsOut.push(
      scoreRow('`hedge` messages of retext-intensify alone', hedgeOnly),
      scoreRow('vague-sourcing + promotional + `hedge` messages', withHedges),
      scoreRow('hedge-list words alone', listOnly),
      scoreRow('vague-sourcing + promotional + hedge-list words', withList)
    )
  }

  rowsOut.push(scoreRow('(reference: flag every sentence)', all))

  const notes = [
    '- Positive class: `label.uncertain` (' + uncertain + ' of ' + sentences.length + ' sentences). Each sentence is linted as plain text.',
    '- Published reference: the best CoNLL-2010 Wikipedia system reached F1 0.602 on the full official test set (about 23% uncertain; this slice is ' +
      ((100 * uncertain) / Math.max(1, sentences.length)).toFixed(1) +
      '%, so precision here is not directly comparable).'
  ]
  if (options.hedges && !findHedges) notes.push('- Hedge detection was asked for, but `retext-intensify` is not installed (`npm install --save-dev retext-intensify`): hedge rows are left out.')
  if (findHedges) {
    notes.push(
      '- With hedges, a sentence also counts as flagged when `retext-intensify` (a devDependency, loaded at run time) finds a hedge in it. `hedge` messages: what it reports under that rule id. Hedge-list words: every word of the `hedges` list it uses, including those it reports as `weasel` or `filler` because they are on those lists too (`apparently`, `might`, `believed`, `many`, `most`, …). `--errors` lists the errors of this last variant.'
    )
  }
  const summary = ['## CoNLL-2010 Wikipedia weasel slice', '', table(rowsOut), '', ...notes].join('\n')
  return {summary, errors}
}
