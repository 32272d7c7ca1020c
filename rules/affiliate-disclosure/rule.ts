import {createUrlClassifier, type AffiliateMatch} from '../../src/affiliate/url.js'
import {isSentenceStart, type Match} from '../../src/engine/matcher.js'
import {found as foundText, unexpected} from '../../src/engine/messages.js'
import type {BaseOptions, RuleDefinition, SentenceInfo, SentenceToken} from '../../src/engine/rule.js'
import type {LinkFact} from '../../src/engine/types.js'
import {data as networks} from '../affiliate-link-undisclosed/data.generated.js'
import {data} from './data.generated.js'
import {affiliateDisclosureFamily} from './meta.js'

/** Options of `retextAffiliateDisclosure`. */
export interface AffiliateDisclosureOptions extends BaseOptions {
  /**
   * The site's layout shows a disclosure above every page, so the document
   * itself need not carry one (default: `false`). Undisclosed-link errors are
   * then not raised, and placement cannot be judged.
   */
  readonly siteDisclosure?: boolean | undefined
}

const classify = createUrlClassifier(networks.networks, networks.generic)
const ftcNote =
  'The FTC expects a material connection (commissions, sponsorship, free products) to be disclosed clearly and conspicuously: before the affiliate links, where readers cannot miss it, not only at the end or behind a link.'

/** Marks that end a label at the start of a sentence (`Sponsored:`, `ADVERTISEMENT —`). */
const labelEnds = new Set([':', '—', '–', '-', '|', '·'])

/**
 * Whether a match stands as a label rather than inside running text: it is
 * the whole sentence (`Sponsored`), starts the sentence and is closed by a
 * colon or dash (`Partner content: …`), or sits in brackets (`(affiliate link)`).
 */
export function isLabel(tokens: readonly SentenceToken[], start: number, end: number): boolean {
  const rest = tokens.slice(end + 1)
  const atStart = isSentenceStart(tokens, start)
  if (atStart && !rest.some((token) => token.word)) return true
  const next = rest[0]
  if (atStart && next && labelEnds.has(next.norm)) return true
  const before = tokens[start - 1]?.norm
  return (before === '(' || before === '[') && (next?.norm === ')' || next?.norm === ']')
}

/** An affiliate link with the network it belongs to. */
interface AffiliateLink {
  readonly link: LinkFact
  readonly match: AffiliateMatch
}

/** Classify the links of a document; `rel="sponsored"` marks a paid link whatever its URL. */
export function affiliateLinks(links: readonly LinkFact[]): AffiliateLink[] {
  const result: AffiliateLink[] = []
  for (const link of links) {
    const match = classify(link.url) ?? (link.rel.includes('sponsored') ? {network: 'sponsored', name: 'a sponsored link'} : undefined)
    if (match) result.push({link, match})
  }

  return result
}

/** Finds disclosure statements and judges them against the document's affiliate links. */
export const affiliateDisclosure: RuleDefinition<AffiliateDisclosureOptions> = {
  ...affiliateDisclosureFamily,
  data,
  defaults: {siteDisclosure: false},
  create(context, options) {
    const disclosures: Array<{sentence: SentenceInfo; associate: boolean}> = []
    const unclear: Array<{sentence: SentenceInfo; note: string}> = []
    return {match, finish}

    function match(found: Match, sentence: SentenceInfo): boolean {
      const kind = found.entry.kind
      // `we paid for our own tickets`: nobody else paid.
      if (kind === 'free-product' && sentence.tokens.slice(found.start, found.end + 1).some((token) => token.norm === 'own')) return false
      if ((kind === 'label' || kind === 'unclear-label') && !isLabel(sentence.tokens, found.start, found.end)) return false
      if (found.entry.rule === 'affiliate-disclosure-unclear') {
        if (unclear.at(-1)?.sentence !== sentence) unclear.push({sentence, note: found.entry.note})
        return true
      }

      // The Amazon Associates statement may be matched as part of a longer commission phrase.
      const associate = found.entry.kind === 'associate' || /\bamazon\s+(?:services\s+llc\s+)?associates?\b/i.test(sentence.text)
      const previous = disclosures.at(-1)
      if (previous?.sentence === sentence) {
        if (associate) Object.assign(previous, {associate: true})
      } else {
        disclosures.push({sentence, associate})
      }

      return true
    }

    function finish(): void {
      const links = affiliateLinks(context.facts.links)
      const firstLink = links[0]
      for (const {sentence} of disclosures) {
        context.report({
          ruleId: 'affiliate-disclosure',
          start: sentence.start,
          end: sentence.end,
          reason: foundText('affiliate disclosure', sentence.text),
          note: ftcNote,
          expected: []
        })
      }

      const clear = disclosures[0]
      if (!clear) {
        for (const {sentence, note} of unclear) {
          context.report({
            ruleId: 'affiliate-disclosure-unclear',
            start: sentence.start,
            end: sentence.end,
            reason: unexpected('unclear disclosure', sentence.text, 'say plainly that you earn money from the links'),
            note,
            expected: []
          })
        }
      }

      if (options.siteDisclosure) return
      // Placement: before the first affiliate link, or, with no links, not only at the very end.
      const late = clear !== undefined && firstLink !== undefined && clear.sentence.start > firstLink.link.start
      if (clear && (late || (!firstLink && atEnd(clear.sentence)))) {
        const [what, advice] = firstLink
          ? ['disclosure after the first affiliate link', 'move it above line ' + context.locator.toPoint(firstLink.link.start).line]
          : ['disclosure only at the end of the document', 'move it to the top']
        context.report({
          ruleId: 'affiliate-disclosure-placement',
          start: clear.sentence.start,
          end: clear.sentence.end,
          reason: unexpected(what, clear.sentence.text, advice),
          note: ftcNote,
          expected: []
        })
      }

      if (!clear) {
        for (const {link, match} of links) {
          context.report({
            ruleId: 'affiliate-link-undisclosed',
            start: link.start,
            end: link.end,
            actual: context.doc.slice(link.start, link.end),
            reason: unexpected('affiliate link', context.doc.slice(link.start, link.end), 'disclose the ' + match.name + ' connection before it'),
            note: ftcNote,
            expected: []
          })
        }
      }

      if (!disclosures.some((d) => d.associate)) {
        for (const {link} of links.filter((d) => d.match.network === 'amazon-associates')) {
          context.report({
            ruleId: 'affiliate-link-amazon-statement',
            start: link.start,
            end: link.end,
            reason: unexpected('Amazon affiliate link', context.doc.slice(link.start, link.end), 'add “As an Amazon Associate I earn from qualifying purchases”'),
            note: 'The Amazon Associates operating agreement requires that statement on any site that carries its affiliate links. ' + ftcNote,
            expected: []
          })
        }
      }
    }

    /** Whether a disclosure sits at the end: in the last blocks, after most of the prose. */
    function atEnd(sentence: SentenceInfo): boolean {
      const blocks = context.facts.blocks
      const index = blocks.findIndex((block) => block.end >= sentence.start)
      if (index < 1 || blocks.length - index > 2) return false
      const last = blocks.at(-1)
      const total = last ? last.end : context.doc.length
      return sentence.start >= total * 0.6
    }
  }
}
