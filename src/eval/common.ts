/**
 * What every corpus of the evaluation harness shares: the lint function it
 * scores, the options it lints with, and the shape of a report.
 */
import type {LintOptions} from '../config.js'
import type {Format} from '../engine/types.js'
import type {ScoredMessage} from './score.js'

/** The public `lint()`, or anything with its shape (the tests pass the package's own). */
export type LintFunction = (text: string, options: LintOptions) => Promise<{readonly messages: readonly ScoredMessage[]}>

/** What one corpus run prints: Markdown sections, and the items it got wrong. */
export interface EvalReport {
  /** Markdown: headings, tables and short notes. */
  readonly summary: string
  /** One line per wrong (or notable) item, printed with `--errors`. */
  readonly errors: readonly string[]
}

/**
 * Options for linting one item: the preset as shipped for the credibility
 * rules; `readability` and `passive` are switched off because no family
 * counts them and they only cost time.
 */
export function lintOptions(format: Format): LintOptions {
  return {format, rules: {readability: 'off', passive: 'off'}}
}

/** Whether a value is a plain object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Whether a value is a list of strings. */
export function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((d) => typeof d === 'string')
}
