import type {Match} from './matcher.js'
import type {RuleContext, SentenceInfo} from './rule.js'

const months = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec'
])
const weekdays = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'])
const relativeDays = new Set(['yesterday', 'today', 'tonight'])
/** Capitalized words that do not name anyone: pronouns, determiners, titles of address. */
const notNames = new Set([
  'i', 'the', 'a', 'an', 'this', 'that', 'these', 'those', 'it', 'its', 'they', 'we', 'he', 'she', 'you', 'some', 'many', 'most', 'several', 'other', 'others',
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sir', 'but', 'and', 'or', 'so', 'yet', 'in', 'on', 'at', 'for', 'according', 'as', 'if', 'when', 'while'
])

// Author-year citations: (Smith, 2021), (Smith et al. 2021), (Smith and Lee, 2021; p. 4).
const authorYear = /\(\s*\p{Lu}[\p{L}'’-]*(?:\s+et\s+al\.?|\s+(?:and|&)\s+\p{Lu}[\p{L}'’-]*)?,?\s+(?:1[89]|20)\d\d[a-z]?[^()\n]{0,40}\)/u
// Numbered markers: [1], [12], [^1], [a], and superscript digits.
const numbered = /\[\^?[\w-]{1,12}\]|[\u00B9\u00B2\u00B3\u2070-\u2079]/u

/** Whether a link lies in (or overlaps) the sentence. */
export function hasLink(context: RuleContext, sentence: SentenceInfo): boolean {
  return context.facts.links.some((link) => link.start < sentence.end && link.end > sentence.start)
}

/** Whether the sentence carries a citation marker. */
export function hasCitation(context: RuleContext, sentence: SentenceInfo): boolean {
  if (context.facts.citations.some((offset) => offset >= sentence.start && offset <= sentence.end + 8)) return true
  const after = context.doc.slice(sentence.end, sentence.end + 8)
  return numbered.test(sentence.text) || numbered.test(/^\S*/.exec(after)?.[0] ?? '') || authorYear.test(sentence.text)
}

/** Whether the sentence dates its source (a year, a month, a weekday, yesterday). */
export function hasDate(sentence: SentenceInfo): boolean {
  return sentence.tokens.some((token) => /^(?:1[89]|20)\d\d$/.test(token.norm) || months.has(token.norm) || weekdays.has(token.norm) || relativeDays.has(token.norm))
}

/** Whether the sentence quotes a title (two or more words in quotation marks that start with a capital). */
export function hasTitle(sentence: SentenceInfo): boolean {
  let run = 0
  for (const token of sentence.tokens) {
    if (token.quoted && token.word) run++
    else if (!token.quoted) run = 0
    if (run >= 2) return true
  }

  return false
}

/** Whether a word outside the match names someone (a capitalized word that is not a date, a pronoun or the first word). */
export function hasName(sentence: SentenceInfo, match?: Match): boolean {
  // In a sentence written in capitals, a capital letter says nothing.
  if (!/\p{Ll}/u.test(sentence.text)) return false
  let seenWord = false
  for (const [index, token] of sentence.tokens.entries()) {
    if (!token.word) continue
    const first = !seenWord
    seenWord = true
    if (match && index >= match.start && index <= match.end) continue
    if (isName(token.norm, token.capitalized) && !first) return true
  }

  return false
}

/** Whether a capitalized word can be a name. */
export function isName(norm: string, capitalized: boolean): boolean {
  return capitalized && !notNames.has(norm) && !months.has(norm) && !weekdays.has(norm)
}

const quoteMarks = new Set(['"', "'", '“', '”', '‘', '’', '«', '»', '`'])
const metaWords = new Set(['word', 'words', 'term', 'terms', 'phrase', 'phrases', 'expression', 'expressions', 'adjective', 'adjectives', 'adverb', 'adverbs', 'label', 'labels', 'buzzword', 'buzzwords', 'cliché', 'cliche', 'clichés', 'cliches'])

/**
 * Whether a match is mentioned rather than used: it alone fills a pair of
 * quotation marks, in a sentence about words (`the word "allegedly" is
 * overused`, `avoid terms like "world-class"`).
 */
export function isMention(sentence: SentenceInfo, match: Match): boolean {
  return isQuotedAlone(sentence, match) && sentence.tokens.some((token, index) => (index < match.start || index > match.end) && metaWords.has(token.norm))
}

/** Whether a match alone fills a pair of quotation marks (`"breathtaking"`, also `"breathtaking."`). */
export function isQuotedAlone(sentence: SentenceInfo, match: Match): boolean {
  const before = sentence.tokens[match.start - 1]
  const after = sentence.tokens[match.end + 1]
  if (!before || !after || !quoteMarks.has(before.norm)) return false
  return quoteMarks.has(after.norm) || (/^[.,!?;:]$/.test(after.norm) && quoteMarks.has(sentence.tokens[match.end + 2]?.norm ?? ''))
}

/**
 * Whether the sentence credits a named or dated source with `according to`,
 * outside the match (`according to NOAA`, `according to the 1901 census`).
 */
export function citesNamedSource(sentence: SentenceInfo, match: Match): boolean {
  const tokens = sentence.tokens
  for (let index = 0; index + 2 < tokens.length; index++) {
    if (index >= match.start && index <= match.end) continue
    if (tokens[index]!.norm !== 'according' || tokens[index + 1]!.norm !== 'to') continue
    for (let next = index + 2; next < Math.min(tokens.length, index + 6); next++) {
      const token = tokens[next]!
      if (!token.word) break
      if (isName(token.norm, token.capitalized) || /^(?:1[5-9]|20)\d\d$/.test(token.norm) || token.norm.endsWith("'s")) return true
      if (token.norm !== 'the' && token.norm !== 'a' && token.norm !== 'an' && !/^[a-z]+$/.test(token.norm)) break
    }
  }

  return false
}
