import type {Root} from 'nlcst'
import type {VFile} from 'vfile'
import type {Locator} from '../parse/locator.js'
import type {Match, Token} from './matcher.js'
import type {PhraseData} from './phrase-data.js'
import type {DocumentFacts, Level, Severity} from './types.js'

/** What a rule says about one of its rule ids. */
export interface RuleInfo {
  /** Default level. */
  readonly level: Level
  /** One-line description, for docs, SARIF and `--help`. */
  readonly summary: string
  /** Folder under `rules/` whose readme documents it (default: the rule's `id`). */
  readonly folder?: string
}

/** Options every rule plugin takes. */
export interface BaseOptions {
  /** Level for every rule id of this plugin (default: each rule's own level). */
  readonly severity?: Severity | undefined
  /** Level per rule id of this plugin; wins over `severity`. */
  readonly levels?: Readonly<Record<string, Severity>> | undefined
  /** Phrases not to flag, compared case-insensitively with the matched words (default: `[]`). */
  readonly ignore?: readonly string[] | undefined
  /** Extra phrases to flag, in the pattern syntax of the rule data (default: `[]`). */
  readonly flag?: readonly string[] | undefined
}

/** A token of a sentence, with whether it sits inside quotation marks. */
export interface SentenceToken extends Token {
  /** Inside quotation marks that the paragraph attributes to a speaker. */
  readonly attributedQuote: boolean
  /** Inside any quotation marks. */
  readonly quoted: boolean
}

/** A sentence as rules see it. */
export interface SentenceInfo {
  readonly tokens: readonly SentenceToken[]
  readonly start: number
  readonly end: number
  /** Source text of the sentence. */
  readonly text: string
}

/** One finding; the engine turns it into a stamped vfile message. */
export interface Report {
  readonly ruleId: string
  readonly start: number
  readonly end: number
  readonly reason: string
  readonly note: string
  readonly expected: readonly string[]
  /** Matched text (default: the source between `start` and `end`). */
  readonly actual?: string
}

/** What a rule gets for one document. */
export interface RuleContext {
  readonly file: VFile
  readonly doc: string
  readonly tree: Root
  /** Source facts; empty when the tree did not come from this package's parser. */
  readonly facts: DocumentFacts
  readonly locator: Locator
  readonly sentences: readonly SentenceInfo[]
  /** Whether a rule id is on. */
  readonly enabled: (ruleId: string) => boolean
  readonly report: (report: Report) => void
}

/** Handlers a rule returns for one document. */
export interface Handlers {
  /** A phrase of this rule matched; return whether it was taken (reported or consumed). */
  readonly match?: (match: Match, sentence: SentenceInfo, index: number) => boolean
  /** Called once after every sentence was matched. */
  readonly finish?: () => void
}

/** A rule: its ids, its phrase data and its checks. */
export interface RuleDefinition<Options extends BaseOptions> {
  /** Plugin id, the family prefix of its rule ids and its folder under `rules/`. */
  readonly id: string
  readonly rules: Readonly<Record<string, RuleInfo>>
  readonly data?: PhraseData | undefined
  /** Defaults for the rule-specific options. */
  readonly defaults: Required<Omit<Options, keyof BaseOptions>>
  readonly create: (context: RuleContext, options: Required<Omit<Options, keyof BaseOptions>>) => Handlers
}
