#!/usr/bin/env node
/**
 * Evaluation harness: `npm run eval -- <file.jsonl> [--format conll|wnc|items|affiliate] [--errors] [--hedges]`.
 *
 * Lints every item of a JSONL file through the public `lint()` and prints,
 * as Markdown, precision and recall per rule family (or the corpus's own
 * measures), and with `--errors` the items it got wrong. Needs no network;
 * data paths are arguments.
 */
import {readFile} from 'node:fs/promises'
import process from 'node:process'
import {parseArgs} from 'node:util'
import {lint} from '../index.js'
import {evaluateAffiliate, isAffiliateRow} from './affiliate.js'
import type {EvalReport, LintFunction} from './common.js'
import {evaluateConll, isConllRow} from './conll.js'
import {evaluateItems, isLabeledItem} from './items.js'
import {evaluateWnc, isWncRow} from './wnc.js'

/** The corpus shapes the harness knows. */
export type CorpusFormat = 'items' | 'conll' | 'wnc' | 'affiliate'

const formats: readonly CorpusFormat[] = ['items', 'conll', 'wnc', 'affiliate']

const usage = `Usage: npm run eval -- <file.jsonl> [--format conll|wnc|items|affiliate] [--errors] [--hedges]

  --format   corpus shape (default: detected from the fields of the first row)
               items      {id, text, expect: [families], optional: [families]}
               conll      CoNLL-2010 sentences with label.uncertain
               wnc        Wiki Neutrality Corpus pairs with label.biased / label.neutral
               affiliate  affiliate-disclosure blog corpus (label.author_marked_disclosure)
  --errors   also list the items the rules got wrong
  --hedges   CoNLL only: also count retext-intensify hedges as "uncertain"`

/** Parse JSONL; a bad line fails with its number. */
export function parseJsonl(text: string, path: string): unknown[] {
  const rows: unknown[] = []
  for (const [index, line] of text.split(/\r?\n/).entries()) {
    if (line.trim() === '') continue
    try {
      rows.push(JSON.parse(line) as unknown)
    } catch (error) {
      throw new Error(path + ':' + (index + 1) + ': not JSON (' + (error instanceof Error ? error.message : String(error)) + ')')
    }
  }

  return rows
}

/** The corpus format of a row, from its fields. */
export function detectCorpus(row: unknown): CorpusFormat | undefined {
  if (isLabeledItem(row)) return 'items'
  if (isConllRow(row)) return 'conll'
  if (isWncRow(row)) return 'wnc'
  if (isAffiliateRow(row)) return 'affiliate'
  return undefined
}

/** Evaluate rows of one corpus format. */
export async function evaluate(rows: readonly unknown[], format: CorpusFormat, options: {readonly hedges: boolean}, lintFunction: LintFunction = lint): Promise<EvalReport> {
  switch (format) {
    case 'items': {
      return evaluateItems(rows, lintFunction)
    }

    case 'conll': {
      return evaluateConll(rows, lintFunction, options)
    }

    case 'wnc': {
      return evaluateWnc(rows, lintFunction)
    }

    case 'affiliate': {
      return evaluateAffiliate(rows, lintFunction)
    }
  }
}

async function main(argv: readonly string[]): Promise<number> {
  const {values, positionals} = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {format: {type: 'string'}, errors: {type: 'boolean', default: false}, hedges: {type: 'boolean', default: false}, help: {type: 'boolean', default: false}}
  })
  if (values.help) {
    console.log(usage)
    return 0
  }

  const path = positionals[0]
  if (!path || positionals.length > 1) {
    console.error(usage)
    return 2
  }

  if (values.format !== undefined && !(formats as readonly string[]).includes(values.format)) {
    console.error('Unknown --format `' + values.format + '` (expected one of ' + formats.join(', ') + ')')
    return 2
  }

  const rows = parseJsonl(await readFile(path, 'utf8'), path)
  const format = (values.format as CorpusFormat | undefined) ?? detectCorpus(rows[0])
  if (!format) {
    console.error(path + ': cannot tell the corpus format from its fields; pass --format')
    return 2
  }

  if (values.hedges && format !== 'conll') console.error('--hedges only applies to --format conll; ignored')
  const started = Date.now()
  const report = await evaluate(rows, format, {hedges: values.hedges})
  console.log('# retext-credibility eval: ' + path + ' (format: ' + format + (values.hedges && format === 'conll' ? ', hedges on' : '') + ')\n')
  console.log(report.summary)
  if (values.errors) {
    console.log('\n## Wrong items (' + report.errors.length + ')\n')
    for (const line of report.errors) console.log('- ' + line)
  }

  console.error('\n(' + rows.length + ' rows in ' + ((Date.now() - started) / 1000).toFixed(1) + ' s)')
  return 0
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error)
    process.exitCode = 1
  }
)
