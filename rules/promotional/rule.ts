import type {Match} from '../../src/engine/matcher.js'
import {replaceAdvice, unexpected} from '../../src/engine/messages.js'
import type {BaseOptions, RuleDefinition, SentenceInfo} from '../../src/engine/rule.js'
import {data} from './data.generated.js'

/** Options of `retextPromotional`. */
export interface PromotionalOptions extends BaseOptions {
  /** Also flag promotional words inside quotations attributed to a speaker (default: `false`). */
  readonly flagQuotations?: boolean | undefined
}

/** Verb forms whose neutral replacement follows the tense of the match. */
const tensed: Readonly<Record<string, string>> = {
  boast: 'have', boasts: 'has', boasted: 'had', boasting: 'having',
  made: 'drew attention', make: 'draw attention', makes: 'draws attention', making: 'drawing attention'
}

/** Flags puffery, peacock terms, hype idioms, unsupported superlatives and calls to action. */
export const promotional: RuleDefinition<PromotionalOptions> = {
  id: 'promotional',
  rules: {
    promotional: {level: 'warn', summary: 'Puffery, peacock term, hype idiom or unsupported superlative'},
    'promotional-call-to-action': {level: 'warn', summary: 'Call to action in text that should inform'}
  },
  data,
  defaults: {flagQuotations: false},
  create(context, options) {
    return {match}

    function match(found: Match, sentence: SentenceInfo): boolean {
      const first = sentence.tokens[found.start]!
      const last = sentence.tokens[found.end]!
      if (!options.flagQuotations && first.attributedQuote) return false
      const actual = context.doc.slice(first.start, last.end)
      const expected = expectedFor(found, first.norm, actual)
      const cta = found.entry.rule === 'promotional-call-to-action'
      context.report({
        ruleId: found.entry.rule,
        start: first.start,
        end: last.end,
        actual,
        reason: cta
          ? unexpected('call to action', actual, 'remove it from text that should inform')
          : unexpected('promotional wording', actual, replaceAdvice(expected, 'state the fact behind it')),
        note: found.entry.note,
        expected
      })
      return true
    }
  }
}

/** Replacements in the case and tense of the match. */
function expectedFor(found: Match, firstNorm: string, actual: string): string[] {
  let expected = [...found.entry.expected]
  const verb = tensed[firstNorm]
  if (verb && expected.length > 0 && expected[0] !== '') {
    expected = [verb]
  }

  if (/^\p{Lu}/u.test(actual)) expected = expected.map((d) => (d ? d.charAt(0).toUpperCase() + d.slice(1) : d))
  return expected
}
