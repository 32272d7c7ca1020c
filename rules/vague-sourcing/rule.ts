import {inflect} from '../../src/engine/inflect.js'
import type {Match} from '../../src/engine/matcher.js'
import {unexpected} from '../../src/engine/messages.js'
import type {BaseOptions, RuleDefinition, SentenceInfo, SentenceToken} from '../../src/engine/rule.js'
import {citesNamedSource, hasCitation, hasDate, hasLink, hasName, hasTitle, isMention, isName} from '../../src/engine/sentence.js'
import {data} from './data.generated.js'
import {vagueSourcingFamily} from './meta.js'

/** Options of `retextVagueSourcing`. */
export interface VagueSourcingOptions extends BaseOptions {
  /** Also flag attributions inside quotations attributed to a speaker (default: `false`). */
  readonly flagQuotations?: boolean | undefined
}

/** Words before an unnamed authority that do not name it. */
const generic = new Set(['a', 'an', 'and', 'but', 'or', 'so', 'while', 'as', 'because', 'although', 'though', 'since', 'that', 'yet', 'now', 'today', 'still', 'also'])
/** Title words between a determiner and a role (`its chief executive`, `the agency's senior economist`). */
const titles = new Set(['chief', 'senior', 'junior', 'lead', 'head', 'principal', 'former', 'deputy', 'assistant', 'associate', 'top', 'own', 'new', 'current', 'then', 'longtime', 'long-time', 'staff', 'in-house', 'resident', 'managing', 'executive', 'financial', 'technical', 'medical', 'legal', 'marketing', 'operating', 'research'])
/** Possessives that tie an authority to someone already named (`its analysts`, `their lawyers`). */
const possessive = new Set(['its', 'their', 'his', 'her', 'our', 'my', 'your', 'whose'])
/** Words before an authority that point back to one named earlier (`the researchers`, `its analysts`). */
const anaphoric = new Set([...possessive, 'the', 'these', 'those', 'both', 'such', 'said'])
/** Words between an authority and a name that introduce the name (`analysts at Barclays`, `experts such as`). */
const introducers = new Set(['at', 'from', 'with', 'of', 'for', 'in', 'like', 'such', 'as', 'including', 'led', 'by', ',', '(', '—', '–', ':'])
/** Words after `was reported to` that make it a recipient, not a claim (`reported to the police`). */
const receivers = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its', 'our', 'my', 'your', 'police', 'authorities', 'him', 'them', 'me', 'us', 'management', 'officials', 'regulators'])
/** Words after `is said to be` that make it a definition, not an attribution (`is said to be abelian if …`). */
const conditions = new Set(['if', 'iff', 'when', 'whenever', 'provided', 'unless'])
const quotes = new Set(['"', "'", '“', '”', '‘', '’', '«', '»', '`', '*', '_'])

/** Nouns of unnamed sources, in every inflection: an attribution that ends on one may be named right after it. */
const sourceNouns = new Set(['sources', 'insiders', ...[...(data.sets['expert'] ?? []), ...(data.sets['crowd'] ?? [])].flatMap((word) => inflect(word))])

/** Flags claims attributed to sources the reader cannot identify or check. */
export const vagueSourcing: RuleDefinition<VagueSourcingOptions> = {
  ...vagueSourcingFamily,
  data,
  defaults: {flagQuotations: false},
  create(context, options) {
    return {match}

    function match(found: Match, sentence: SentenceInfo): boolean {
      const tokens = sentence.tokens
      const first = tokens[found.start]!
      const last = tokens[found.end]!
      if (!options.flagQuotations && first.attributedQuote) return false
      // A link or a citation marker makes the source checkable.
      if (hasLink(context, sentence) || hasCitation(context, sentence)) return false
      if (isMention(sentence, found)) return false
      // `it is thought-provoking`: the match ends inside a hyphenated word.
      if (/^[-\u2010\u2011]\p{L}/u.test(context.doc.slice(last.end, last.end + 2)) || /\p{L}[-\u2010\u2011]$/u.test(context.doc.slice(Math.max(0, first.start - 2), first.start))) return false
      // `it was reported to the police`: reporting an incident to someone, not a claim.
      if (last.norm === 'reported' && tokens[found.end + 1]?.norm === 'to') return false
      if (found.entry.kind === 'agentless' && last.norm === 'to' && receivers.has(tokens[found.end + 1]?.norm ?? '')) return false
      const kind = found.entry.kind
      if (kind === 'anonymous-authority' || kind === 'crowd') {
        // `Harvard researchers say`, `the agency's analysts warn`: the authority is named.
        // `The researchers say`: it points back to people named before.
        // `Its chief executive told reporters`: look past a title word or two.
        for (let index = found.start - 1; index >= Math.max(0, found.start - 3); index--) {
          const before = tokens[index]!
          if (!before.word) break
          if (before.norm.endsWith("'s") || before.norm.endsWith("s'") || anaphoric.has(before.norm) || (isName(before.norm, before.capitalized) && !generic.has(before.norm))) {
            return false
          }

          if (!titles.has(before.norm)) break
        }

        // `according to analyst Jane Doe`, `analysts at Barclays say`: the name follows the noun.
        if (sourceNouns.has(last.norm) && namedAfter(tokens, found.end)) return false
      }

      // `…, according to the Oxford English Dictionary`: the sentence names its source elsewhere.
      if (citesNamedSource(sentence, found)) return false
      // `X is said to be abelian if …`, `are said to be in 'contrary motion'`: a definition of a term.
      if (kind === 'agentless' && last.norm === 'to' && isDefinition(tokens, found.end)) return false
      const named = found.entry.rule === 'vague-sourcing-outlet' || hasName(sentence, found)
      if (named && (hasDate(sentence) || hasTitle(sentence))) return false
      // `a report by Reuters`: the outlet is named right after the document.
      const after = tokens[found.end + 1]
      const byOutlet =
        kind === 'unnamed-document' && (after?.norm === 'by' || after?.norm === 'from' || after?.norm === 'in') && isName(tokens[found.end + 2]?.norm ?? '', tokens[found.end + 2]?.capitalized ?? false)
      const ruleId = byOutlet ? 'vague-sourcing-outlet' : found.entry.rule
      if (!context.enabled(ruleId)) return false
      // The `that` a pattern needs is not part of the attribution.
      const end = last.norm === 'that' && found.end > found.start ? tokens[found.end - 1]!.end : last.end
      const actual = context.doc.slice(first.start, end)
      context.report({
        ruleId,
        start: first.start,
        end,
        actual,
        reason:
          ruleId === 'vague-sourcing-outlet'
            ? unexpected('unspecific source', actual, 'name the report or study itself (title, date or link), not only the outlet')
            : unexpected('vague attribution', actual, 'name the source or cite it'),
        note: found.entry.note,
        expected: found.entry.expected
      })
      return true
    }
  }
}

/** Whether a name follows token `end`, directly or after a short introducer (`at`, `such as`, a comma). */
function namedAfter(tokens: readonly SentenceToken[], end: number): boolean {
  for (let index = end + 1; index <= end + 3 && index < tokens.length; index++) {
    const token = tokens[index]!
    if (token.word && isName(token.norm, token.capitalized)) return true
    if (!introducers.has(token.norm) && !(token.word && (token.norm === 'the' || token.norm === 'a'))) return false
  }

  return false
}

/** Whether `… said to` starts a definition: a quoted term soon after, or a condition later in the sentence. */
function isDefinition(tokens: readonly SentenceToken[], end: number): boolean {
  if (tokens[end + 1]?.norm !== 'be' && tokens[end + 1]?.norm !== 'have') return false
  for (let index = end + 2; index < tokens.length; index++) {
    const token = tokens[index]!
    if (index <= end + 4 && quotes.has(token.norm)) return true
    if (conditions.has(token.norm)) return true
  }

  return false
}
