import {affiliateDisclosureFamily} from '../rules/affiliate-disclosure/meta.js'
import {promotionalFamily} from '../rules/promotional/meta.js'
import {vagueSourcingFamily} from '../rules/vague-sourcing/meta.js'
import type {RuleInfo} from './engine/rule.js'
import type {Level} from './engine/types.js'

/**
 * Every rule id the preset knows, by plugin, in the order the plugins run:
 * ids, default levels and summaries only. Config checks and SARIF read this
 * instead of the rules, so that they never load the rules' code and phrase
 * data (a CLI run that lints nothing, such as a fully cached one, does not).
 */
export const ruleFamilies: ReadonlyArray<{readonly id: string; readonly rules: Readonly<Record<string, RuleInfo>>}> = [
  vagueSourcingFamily,
  promotionalFamily,
  affiliateDisclosureFamily
]

/**
 * The prose-quality plugins wired in, with defaults chosen so that a typical
 * news article gets a handful of findings, not one per sentence.
 */
export const proseRules = {
  readability: {
    level: 'info' as Level,
    summary: 'Sentence that most readability formulas rate hard to read',
    defaults: {age: 18, threshold: 5 / 7, minWords: 8},
    url: 'https://github.com/retextjs/retext-readability#readme'
  },
  passive: {
    level: 'info' as Level,
    summary: 'Passive voice',
    defaults: {},
    url: 'https://github.com/retextjs/retext-passive#readme'
  }
} as const
