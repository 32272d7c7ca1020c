import {isSentenceStart, type Match} from '../../src/engine/matcher.js'
import {replaceAdvice, unexpected} from '../../src/engine/messages.js'
import type {BaseOptions, RuleDefinition, SentenceInfo} from '../../src/engine/rule.js'
import {citesNamedSource, hasName, isMention, isQuotedAlone} from '../../src/engine/sentence.js'
import {data} from './data.generated.js'
import {promotionalFamily} from './meta.js'

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

/**
 * Compounds whose open (unhyphenated) form is an ordinary phrase: `must have`
 * is a modal, `the next level` a floor, `the leading edge` part of a wing.
 * They count only when written with the hyphen.
 */
const hyphenOnly = new Set(['must have', 'must see', 'must visit', 'must read', 'must try', 'must watch', 'next level', 'leading edge', 'first class', 'top tier', 'top rated', 'top of the line', 'top of the range', 'next generation', 'next gen', 'top quality', 'highest quality', 'highest rated', 'well respected', 'much loved', 'best of breed', 'class leading', 'world leading', 'market leading', 'industry leading', 'one stop shop', 'hassle free', 'ultra premium', 'lightning fast', 'blazing fast', 'ultra fast', 'super fast', 'eye popping', 'show stopping', 'head turning', 'world changing', 'life changing', 'bleeding edge'])
const possessives = new Set(['his', 'her', 'its', 'their', 'my', 'our', 'your', 'whose'])
/** Words after `the state of the art` that show it is a noun (the current level of a field), not praise. */
const afterNoun = new Set(['in', 'of', 'for', 'on', 'at', 'as', 'is', 'was', 'and', 'or', 'to', 'by', 'with', 'has', 'had', 'remains', ',', '.', ';', ':', ')', '?', '!'])

/** Flags puffery, peacock terms, hype idioms, unsupported superlatives and calls to action. */
export const promotional: RuleDefinition<PromotionalOptions> = {
  ...promotionalFamily,
  data,
  defaults: {flagQuotations: false},
  create(context, options) {
    return {match}

    function match(found: Match, sentence: SentenceInfo): boolean {
      const first = sentence.tokens[found.start]!
      const last = sentence.tokens[found.end]!
      if (!options.flagQuotations && first.attributedQuote) return false
      if (isMention(sentence, found)) return false
      // `She called it "breathtaking" in her review for the Guardian`: a named critic's word, quoted.
      if (found.entry.rule === 'promotional' && isQuotedAlone(sentence, found) && hasName(sentence, found)) return false
      // `…, according to the journal Surgery`: a sourced claim is not puffery.
      if (found.entry.rule === 'promotional' && citesNamedSource(sentence, found)) return false
      const words = sentence.tokens.slice(found.start, found.end + 1).filter((token) => token.word)
      const open = !/[-\u2010\u2011]/.test(context.doc.slice(first.start, last.end))
      if (open && hyphenOnly.has(words.map((token) => token.norm).join(' '))) return false
      // `reviews the state of the art in speech recognition`: the noun, not the praise.
      if (open && words.map((token) => token.norm).join(' ') === 'state of the art') {
        const next = sentence.tokens[found.end + 1]
        if (sentence.tokens[found.start - 1]?.norm === 'the' && (!next || afterNoun.has(next.norm))) return false
      }

      // `his most famous role`, `the city's most beautiful park`: ranked within one owner's work, not praise of the thing.
      if (words[0]?.norm === 'most' && isPossessive(sentence.tokens[found.start - 1]?.norm ?? '')) return false
      // `Pioneer 10`, `Legendary Pictures`: a name that starts the sentence.
      if (found.entry.unless?.capitalized && isProperAtStart(sentence, found.start, found.end)) return false
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

/**
 * Whether a capitalized match at the start of a sentence is part of a name:
 * the next word is a number or capitalized too (`Pioneer 10 was launched`,
 * `Legendary Pictures released`), in a sentence that is not all capitals.
 */
function isProperAtStart(sentence: SentenceInfo, start: number, end: number): boolean {
  const tokens = sentence.tokens
  const first = tokens[start]
  if (!first?.capitalized || !isSentenceStart(tokens, start) || !/\p{Ll}/u.test(sentence.text)) return false
  const next = tokens[end + 1]
  return next !== undefined && next.word && (next.capitalized || /^\d/.test(next.norm))
}

/** Whether a word is a possessive (`his`, `the band's`). */
function isPossessive(norm: string): boolean {
  return possessives.has(norm) || norm.endsWith("'s") || norm.endsWith("s'")
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
