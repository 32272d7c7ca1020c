/**
 * Types shared by the engine, the rules and the shells (CLI, language server).
 */

/** How loud a rule is: `off` drops it, `info`/`warn`/`error` map to `fatal` unset/false/true. */
export type Level = 'off' | 'info' | 'warn' | 'error'

/** A severity as users write it: a level name or the numbers ESLint and remark-lint use. */
export type Severity = Level | 'warning' | 0 | 1 | 2

/** A rule setting in config: a severity, or a severity with options for the rule. */
export type RuleSetting = Severity | readonly [Severity, Readonly<Record<string, unknown>>?]

/** Input formats; each has its own parser and bridge to natural language. */
export type Format = 'markdown' | 'html' | 'text'

/** One link found in the source document, with offsets into the original file. */
export interface LinkFact {
  readonly url: string
  readonly start: number
  readonly end: number
  readonly rel: readonly string[]
  readonly kind: 'inline' | 'reference' | 'autolink' | 'html' | 'bare'
}

/** One inline control comment (`<!-- retext-credibility disable promotional -->`). */
export interface MarkerFact {
  readonly verb: string
  readonly ruleIds: readonly string[]
  readonly start: number
  readonly end: number
  /** End offset of the next sibling block, for `ignore`. */
  readonly nextEnd: number | undefined
}

/** Facts about the source document that the natural-language tree loses. */
export interface DocumentFacts {
  readonly format: Format
  readonly links: LinkFact[]
  /** Offsets of citation markers that are not prose (footnote references). */
  readonly citations: number[]
  readonly markers: MarkerFact[]
  /** Offsets where prose blocks start and end, in order. */
  readonly blocks: Array<{readonly start: number; readonly end: number}>
}

declare module 'vfile' {
  interface DataMap {
    /** Facts collected while parsing, for rules that need the source tree. */
    credibility: DocumentFacts
    /** Format the file was linted as. */
    credibilityFormat: Format
  }
}
