/**
 * The affiliate-disclosure blog corpus. It holds, per real post, the
 * disclosure the author set up (rendered text, mechanism, position) and the
 * lines our scanning regex picked as candidates, but not the post itself.
 * So two things can be measured: whether the rule recognises the authors'
 * rendered disclosures as `affiliate-disclosure` statements, and how often
 * it calls the regex candidates (mostly text that talks about affiliate or
 * referral links without disclosing anything) a disclosure. Whether a whole
 * post gets a correct `affiliate-link-undisclosed` verdict cannot be
 * measured: the posts are not in the corpus.
 */
import {isRecord, isStringList, lintOptions, type EvalReport, type LintFunction} from './common.js'
import {describe, familyOf, oneLine, percent, table, type ScoredMessage} from './score.js'

/** Whether a row looks like the affiliate corpus. */
export function isAffiliateRow(value: unknown): boolean {
  return isRecord(value) && isRecord(value['label']) && 'author_marked_disclosure' in value['label']
}

/** Posts per disclosure mechanism. */
function mechanisms(entries: Iterable<{readonly mechanism: string; readonly posts: number}>): Map<string, number> {
  const result = new Map<string, number>()
  for (const {mechanism, posts} of entries) result.set(mechanism, (result.get(mechanism) ?? 0) + posts)
  return result
}

/** Lint the rendered disclosures and the regex candidates, and count what the rule says. */
export async function evaluateAffiliate(rows: readonly unknown[], lint: LintFunction): Promise<EvalReport> {
  const errors: string[] = []
  // Rendered author disclosures, per post and per distinct text.
  let posts = 0
  let postsFound = 0
  const distinct = new Map<string, {mechanism: string; posts: number; found: boolean; messages: readonly ScoredMessage[]}>()
  // Regex candidate lines.
  let candidates = 0
  let candidateStatement = 0
  let candidateUnclear = 0
  let candidateAny = 0
  let noDisclosureWithUrls = 0
  const cache = new Map<string, readonly ScoredMessage[]>()
  const affiliateMessages = async (text: string): Promise<readonly ScoredMessage[]> => {
    let messages = cache.get(text)
    if (!messages) {
      messages = (await lint(text, lintOptions('markdown'))).messages.filter((m) => familyOf(m.ruleId) === 'affiliate')
      cache.set(text, messages)
    }

    return messages
  }

  for (const row of rows) {
    if (!isAffiliateRow(row) || !isRecord(row)) continue
    const label = row['label'] as Record<string, unknown>
    const marked = label['author_marked_disclosure']
    if (isRecord(marked) && typeof marked['rendered_text'] === 'string') {
      const text = marked['rendered_text']
      const messages = await affiliateMessages(text)
      const found = messages.some((m) => m.ruleId === 'affiliate-disclosure')
      posts++
      if (found) postsFound++
      const entry = distinct.get(text) ?? {mechanism: String(marked['mechanism']), posts: 0, found, messages}
      entry.posts++
      distinct.set(text, entry)
    } else if (label['affiliate_urls_present'] === true) {
      noDisclosureWithUrls++
    }

    for (const line of isStringList(label['regex_candidate_lines']) ? label['regex_candidate_lines'] : []) {
      const messages = await affiliateMessages(line)
      candidates++
      const statement = messages.some((m) => m.ruleId === 'affiliate-disclosure')
      if (statement) candidateStatement++
      if (messages.some((m) => m.ruleId === 'affiliate-disclosure-unclear')) candidateUnclear++
      if (messages.length > 0) {
        candidateAny++
        errors.push('candidate flagged ' + String(row['id']) + ': ' + oneLine(line, 200) + '  ← ' + messages.map((m) => describe(m)).join('; '))
      }
    }
  }

  for (const [text, entry] of distinct) {
    if (!entry.found) errors.push('disclosure missed (' + entry.mechanism + ', ' + entry.posts + ' posts): ' + oneLine(text, 200))
  }

  const distinctFound = [...distinct.values()].filter((d) => d.found).length
  const summary = [
    '## Affiliate-disclosure blog corpus (' + rows.length + ' posts)',
    '',
    table([
      ['', 'result'],
      ['author-marked disclosures recognised as `affiliate-disclosure` (per post)', percent(postsFound, posts)],
      ['… per distinct disclosure text', percent(distinctFound, distinct.size)],
      ['regex-candidate lines reported as a disclosure statement', percent(candidateStatement, candidates)],
      ['regex-candidate lines reported as an unclear disclosure', percent(candidateUnclear, candidates)],
      ['regex-candidate lines with any `affiliate` message', percent(candidateAny, candidates)]
    ]),
    '',
    '- Each rendered disclosure and each candidate line is linted on its own, as Markdown. The corpus has no post bodies, so verdicts on whole posts (undisclosed links, placement) cannot be measured here.',
    '- Disclosure mechanisms (posts): ' +
      [...mechanisms(distinct.values())].map(([mechanism, count]) => '`' + mechanism + '` ' + count).join(', ') +
      '. Layout-injected disclosures are not in the Markdown at all, so a Markdown-only linter needs `siteDisclosure: true` for those sites.',
    '- Regex candidates are the corpus builders’ heuristic, not ground truth: most talk about affiliate or referral links without disclosing, a few do disclose a benefit in passing. Read the flagged ones with `--errors`.',
    '- Posts with affiliate URLs and no author disclosure: ' + noDisclosureWithUrls + '.'
  ].join('\n')
  return {summary, errors}
}
