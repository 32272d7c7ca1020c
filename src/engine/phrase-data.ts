/**
 * The shape of a phrase rule's `data.yml`, after validation and compilation.
 */

/** Context tests that decide whether a match is in the sense the rule is about. */
export interface Guard {
  /** Words (or `@set`s) right after the match. */
  readonly next?: readonly string[]
  /** Words (or `@set`s) right before the match. */
  readonly prev?: readonly string[]
  /** Words (or `@set`s) anywhere in the same sentence. */
  readonly sentence?: readonly string[]
  /** The first matched word is capitalized inside the sentence (a proper noun: *Pioneer 10*). */
  readonly capitalized?: boolean
  /** The match starts a sentence or clause. */
  readonly start?: boolean
}

/** One entry: phrases that share a rule id, a fix and a note. */
export interface PhraseEntry {
  /** Patterns: words, `a|b` alternatives, `word?` optional, `word~` inflected, `@set`, `<proper>`, `<number>`, `<year>`. */
  readonly phrases: readonly string[]
  /** Rule id reported for a match. */
  readonly rule: string
  /** Free-form category, for rule code and docs. */
  readonly kind?: string
  /** Replacements in order of preference; `['']` deletes, `[]` has no mechanical fix. */
  readonly expected: readonly string[]
  /** How to fix it and the fact the entry rests on. */
  readonly note: string
  /** Do not report when any of these hold. */
  readonly unless?: Guard
  /** Report only when all of these hold. */
  readonly require?: Guard
}

/** A phrase rule's data. */
export interface PhraseData {
  readonly sets: Readonly<Record<string, readonly string[]>>
  readonly entries: readonly PhraseEntry[]
}
