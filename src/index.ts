/**
 * retext-credibility: unified/retext plugins that flag vague sourcing,
 * promotional language and affiliate disclosure problems.
 */
import type {Root} from 'nlcst'
import type {Plugin} from 'unified'
import {affiliateDisclosure, type AffiliateDisclosureOptions} from '../rules/affiliate-disclosure/rule.js'
import {promotional, type PromotionalOptions} from '../rules/promotional/rule.js'
import {vagueSourcing, type VagueSourcingOptions} from '../rules/vague-sourcing/rule.js'
import {rulePlugin} from './engine/run.js'

/** Flag claims attributed to unnamed or unverifiable sources. */
export const retextVagueSourcing: Plugin<[(VagueSourcingOptions | undefined)?], Root> = rulePlugin(vagueSourcing)
/** Flag puffery, peacock terms, hype idioms, unsupported superlatives and calls to action. */
export const retextPromotional: Plugin<[(PromotionalOptions | undefined)?], Root> = rulePlugin(promotional)
/** Find disclosure statements and flag undisclosed, buried or unclear ones. */
export const retextAffiliateDisclosure: Plugin<[(AffiliateDisclosureOptions | undefined)?], Root> = rulePlugin(affiliateDisclosure)

export {retextCredibility, ruleDefinitions, proseRules} from './preset.js'
export {lint, createProcessor, type Input} from './processor.js'
export {credibilityParse, detectFormat, extensions, type ParseOptions} from './parse/index.js'
export {parseConfig, knownRuleIds, type CredibilityOptions, type LintOptions} from './config.js'
export {ConfigError} from './engine/severity.js'
export {docsBase, source} from './engine/identity.js'
export type {Format, Level, Severity, RuleSetting, LinkFact, DocumentFacts} from './engine/types.js'
export type {BaseOptions, RuleInfo} from './engine/rule.js'
export type {VagueSourcingOptions, PromotionalOptions, AffiliateDisclosureOptions}
