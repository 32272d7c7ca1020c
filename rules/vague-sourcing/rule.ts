import type {Match} from '../../src/engine/matcher.js'
import {unexpected} from '../../src/engine/messages.js'
import type {BaseOptions, RuleDefinition, SentenceInfo} from '../../src/engine/rule.js'
import {hasCitation, hasDate, hasLink, hasName, hasTitle, isName} from '../../src/engine/sentence.js'
import {data} from './data.generated.js'

/** Options of `retextVagueSourcing`. */
export interface VagueSourcingOptions extends BaseOptions {
  /** Also flag attributions inside quotations attributed to a speaker (default: `false`). */
  readonly flagQuotations?: boolean | undefined
}

/** Possessives that tie an authority to someone already named (`its analysts`, `their lawyers`). */
const possessive = new Set(['its', 'their', 'his', 'her', 'our', 'my', 'your', 'whose'])

/** Words before an unnamed authority that do not name it. */
const generic = new Set(['the', 'a', 'an', 'and', 'but', 'or', 'so', 'while', 'as', 'because', 'although', 'though', 'since', 'that', 'yet', 'now', 'today', 'still', 'also'])

/** Flags claims attributed to sources the reader cannot identify or check. */
export const vagueSourcing: RuleDefinition<VagueSourcingOptions> = {
  id: 'vague-sourcing',
  rules: {
    'vague-sourcing': {level: 'warn', summary: 'Claim attributed to an unnamed or unverifiable source'},
    'vague-sourcing-outlet': {level: 'info', summary: 'Attribution names the outlet but not which report or study'}
  },
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
      const kind = found.entry.kind
      // `Harvard researchers say`, `the agency's analysts warn`: the authority is named.
      if (kind === 'anonymous-authority' || kind === 'crowd') {
        const before = tokens[found.start - 1]
        if (before?.word && (before.norm.endsWith("'s") || before.norm.endsWith("s'") || possessive.has(before.norm) || (isName(before.norm, before.capitalized) && !generic.has(before.norm)))) return false
        // `its chief executive told`: a role of an organization already named.
        const earlier = tokens[found.start - 2]
        if (before?.word && earlier?.word && possessive.has(earlier.norm) && /^(?:chief|senior|top|lead|head|own|former|new)$/.test(before.norm)) return false
      }

      const named = found.entry.rule === 'vague-sourcing-outlet' || hasName(sentence, found)
      if (named && (hasDate(sentence) || hasTitle(sentence))) return false
      // `a report by Reuters`: the outlet is named right after the document.
      const after = tokens[found.end + 1]
      const byOutlet =
        kind === 'unnamed-document' && (after?.norm === 'by' || after?.norm === 'from' || after?.norm === 'in') && isName(tokens[found.end + 2]?.norm ?? '', tokens[found.end + 2]?.capitalized ?? false)
      const ruleId = byOutlet ? 'vague-sourcing-outlet' : found.entry.rule
      if (!context.enabled(ruleId)) return false
      const actual = context.doc.slice(first.start, last.end)
      context.report({
        ruleId,
        start: first.start,
        end: last.end,
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
