import type {RuleInfo} from '../../src/engine/rule.js'

/** The link rules are documented in their own folder. */
const linkFolder = 'affiliate-link-undisclosed'

/**
 * The rule ids of the affiliate-disclosure plugin, with their default levels and
 * summaries: apart from the rule, so that config can be checked and SARIF
 * can list the rules without loading the rules and their phrase data.
 */
export const affiliateDisclosureFamily = {
  id: 'affiliate-disclosure',
  rules: {
    'affiliate-disclosure': {level: 'info', summary: 'Affiliate or sponsorship disclosure statement'},
    'affiliate-disclosure-placement': {level: 'warn', summary: 'Disclosure comes after the first affiliate link, or only at the end'},
    'affiliate-disclosure-unclear': {level: 'warn', summary: 'Disclosure wording the FTC calls unclear on its own'},
    'affiliate-link-undisclosed': {level: 'error', summary: 'Affiliate link in a document with no disclosure', folder: linkFolder},
    'affiliate-link-amazon-statement': {level: 'warn', summary: 'Amazon affiliate links without the Associates statement', folder: linkFolder}
  } satisfies Readonly<Record<string, RuleInfo>>
} as const
