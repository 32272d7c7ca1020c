import type {RuleInfo} from '../../src/engine/rule.js'

/**
 * The rule ids of the promotional plugin, with their default levels and
 * summaries: apart from the rule, so that config can be checked and SARIF
 * can list the rules without loading the rules and their phrase data.
 */
export const promotionalFamily = {
  id: 'promotional',
  rules: {
    promotional: {level: 'warn', summary: 'Puffery, peacock term, hype idiom or unsupported superlative'},
    'promotional-call-to-action': {level: 'warn', summary: 'Call to action in text that should inform'}
  } satisfies Readonly<Record<string, RuleInfo>>
} as const
