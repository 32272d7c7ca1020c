import type {RuleInfo} from '../../src/engine/rule.js'

/**
 * The rule ids of the vague-sourcing plugin, with their default levels and
 * summaries: apart from the rule, so that config can be checked and SARIF
 * can list the rules without loading the rules and their phrase data.
 */
export const vagueSourcingFamily = {
  id: 'vague-sourcing',
  rules: {
    'vague-sourcing': {level: 'warn', summary: 'Claim attributed to an unnamed or unverifiable source'},
    'vague-sourcing-outlet': {level: 'info', summary: 'Attribution names the outlet but not which report or study'}
  } satisfies Readonly<Record<string, RuleInfo>>
} as const
