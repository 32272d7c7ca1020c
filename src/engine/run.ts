import type {Paragraph, Root, SentenceContent} from 'nlcst'
import type {Plugin} from 'unified'
import type {VFile} from 'vfile'
import {locatorFor, type Locator} from '../parse/locator.js'
import {compileMatcher, normalize, type Matcher} from './matcher.js'
import type {PhraseData} from './phrase-data.js'
import type {BaseOptions, Handlers, Report, RuleContext, RuleDefinition, SentenceInfo, SentenceToken} from './rule.js'
import {docsBase, source} from './identity.js'
import {fatalFor, parseSeverity} from './severity.js'
import type {DocumentFacts, Level} from './types.js'

/** A rule ready to run: its definition with levels and options resolved. */
export interface PreparedRule {
  readonly definition: RuleDefinition<BaseOptions>
  readonly levels: ReadonlyMap<string, Level>
  readonly ignore: ReadonlySet<string>
  readonly flag: readonly string[]
  readonly options: Readonly<Record<string, unknown>>
}

/** Resolve levels and options for a rule. */
export function prepareRule<Options extends BaseOptions>(definition: RuleDefinition<Options>, options: Options | undefined, path = definition.id): PreparedRule {
  const levels = new Map<string, Level>()
  const all = options?.severity === undefined ? undefined : parseSeverity(options.severity, path + '.severity')
  for (const [ruleId, info] of Object.entries(definition.rules)) {
    const own = options?.levels?.[ruleId]
    levels.set(ruleId, own === undefined ? (all ?? info.level) : parseSeverity(own, path + '.levels.' + ruleId))
  }

  const specific: Record<string, unknown> = {...definition.defaults}
  for (const key of Object.keys(definition.defaults)) {
    const value = (options as Record<string, unknown> | undefined)?.[key]
    if (value !== undefined) specific[key] = value
  }

  return {
    definition: definition as unknown as RuleDefinition<BaseOptions>,
    levels,
    ignore: new Set((options?.ignore ?? []).map((d) => normalize(d).replace(/[\s-]+/g, ' ').trim())),
    flag: options?.flag ?? [],
    options: specific
  }
}

const matchers = new Map<string, Matcher>()

/** Compile (once per process, per set of rules and extra phrases) the matcher of prepared rules. */
function matcherFor(rules: readonly PreparedRule[]): Matcher {
  const key = rules.map((rule) => rule.definition.id + '\u0000' + rule.flag.join('\u0001')).join('\u0002')
  let matcher = matchers.get(key)
  if (!matcher) {
    matcher = compileMatcher(rules.map((rule) => ({data: withFlags(rule)})))
    matchers.set(key, matcher)
  }

  return matcher
}

function withFlags(rule: PreparedRule): PhraseData {
  const data = rule.definition.data ?? {sets: {}, entries: []}
  if (rule.flag.length === 0) return data
  return {
    sets: data.sets,
    entries: [
      ...data.entries,
      {phrases: rule.flag, rule: rule.definition.id, kind: 'configured', expected: [], note: 'This phrase is flagged by your configuration.'}
    ]
  }
}

/** Run prepared rules over a tree in one pass: one tokenization, one walk of one matcher. */
export function runRules(tree: Root, file: VFile, rules: readonly PreparedRule[]): void {
  const active = rules.filter((rule) => [...rule.levels.values()].some((level) => level !== 'off'))
  if (active.length === 0) return
  const doc = String(file)
  const facts: DocumentFacts = file.data.credibility ?? {format: 'markdown', links: [], citations: [], markers: [], blocks: []}
  const locator = locatorFor(file, doc)
  const sentences = collectSentences(tree, doc)
  const handlers: Handlers[] = active.map((rule) => {
    const context: RuleContext = {
      file,
      doc,
      tree,
      facts,
      locator,
      sentences,
      enabled: (ruleId) => (rule.levels.get(ruleId) ?? 'off') !== 'off',
      report: (report) => emit(file, rule, report, locator, doc)
    }
    return rule.definition.create(context, rule.options as never)
  })
  const matcher = matcherFor(active)
  for (let index = 0; index < sentences.length; index++) {
    const sentence = sentences[index]!
    matcher.run(sentence.tokens, (match) => {
      const rule = active[match.source]!
      if ((rule.levels.get(match.entry.rule) ?? 'off') === 'off') return false
      if (rule.ignore.size > 0) {
        const words = sentence.tokens.slice(match.start, match.end + 1).map((token) => token.norm).join(' ')
        if (rule.ignore.has(words)) return false
      }

      return handlers[match.source]?.match?.(match, sentence, index) ?? false
    })
  }

  for (const handler of handlers) handler.finish?.()
}

function emit(file: VFile, rule: PreparedRule, report: Report, locator: Locator, doc: string): void {
  const level = rule.levels.get(report.ruleId) ?? 'off'
  if (level === 'off') return
  const message = file.message(report.reason, {
    place: {start: locator.toPoint(report.start), end: locator.toPoint(report.end)},
    ruleId: report.ruleId,
    source
  })
  message.actual = report.actual ?? doc.slice(report.start, report.end)
  message.expected = [...report.expected]
  message.note = report.note
  message.url = docsBase + (rule.definition.rules[report.ruleId]?.folder ?? rule.definition.id) + '/readme.md#' + report.ruleId
  const fatal = fatalFor(level)
  if (fatal === undefined) Reflect.deleteProperty(message, 'fatal')
  else message.fatal = fatal
}

/** A plugin for one rule, for use in any retext pipeline. */
export function rulePlugin<Options extends BaseOptions>(definition: RuleDefinition<Options>): Plugin<[(Options | undefined)?], Root> {
  return function (options) {
    const prepared = prepareRule(definition, options)
    return function (tree, file) {
      runRules(tree, file, [prepared])
    }
  }
}

const speechVerbs = new Set([
  'said', 'says', 'say', 'told', 'tells', 'wrote', 'writes', 'added', 'adds', 'explained', 'explains', 'stated', 'states', 'noted', 'notes', 'asked',
  'according', 'remarked', 'recalled', 'insisted', 'declared', 'announced', 'exclaimed', 'quipped', 'posted', 'tweeted', 'joked', 'argued', 'claimed', 'replied', 'continued'
])
const opening = new Set(['“', '«', '„', '‘', '‹'])
const closing = new Set(['”', '»', '’', '›'])

/**
 * A token while its sentence is being read; exposed read-only as a
 * `SentenceToken`. A class, not an object literal, for the same reason as the
 * parser's points (`src/parse/plain.ts`): a document's tokens are all alive
 * while its rules run, which made V8 allocate every later token straight in
 * the old generation.
 */
class MutableToken {
  quoted = false
  attributedQuote = false
  constructor(
    public norm: string,
    public start: number,
    public end: number,
    public word: boolean,
    public capitalized: boolean
  ) {}
}

/** Tokens and quotation state of every sentence, in document order. */
function collectSentences(tree: Root, doc: string): SentenceInfo[] {
  const result: SentenceInfo[] = []
  for (const paragraph of tree.children) {
    if (paragraph.type !== 'ParagraphNode') continue
    const quoted: MutableToken[] = []
    let open = false
    let closed = false
    let attributed = false
    for (const sentence of (paragraph as Paragraph).children) {
      if (sentence.type !== 'SentenceNode') continue
      const tokens = Array.of<MutableToken>()
      for (const child of sentence.children) addTokens(child, tokens)
      for (const token of tokens) {
        const straight = token.norm === '"'
        if (!open && (opening.has(token.norm) || straight)) {
          open = true
          token.quoted = true
        } else if (open && (closing.has(token.norm) || straight)) {
          open = false
          closed = true
          token.quoted = true
        } else {
          token.quoted = open
          if (!open && speechVerbs.has(token.norm)) attributed = true
        }

        if (token.quoted) quoted.push(token)
      }

      const start = sentence.position?.start.offset ?? 0
      const end = sentence.position?.end.offset ?? start
      result.push(sentenceInfo(tokens, start, end, doc))
    }

    // A quotation is attributed when its paragraph names a speaker outside the quotes.
    if (attributed && closed) for (const token of quoted) token.attributedQuote = true
  }

  return result
}

function sentenceInfo(tokens: readonly SentenceToken[], start: number, end: number, doc: string): SentenceInfo {
  let text: string | undefined
  return {
    tokens,
    start,
    end,
    get text() {
      text ??= doc.slice(start, end)
      return text
    }
  }
}

function addWord(tokens: MutableToken[], text: string, start: number, end: number): void {
  tokens.push(new MutableToken(normalize(text), start, end, true, isUpper(text)))
}

function isHyphen(value: string): boolean {
  return value === '-' || value === '\u2010' || value === '\u2011'
}

/** Whether a word starts with an upper-case letter (ASCII fast path). */
function isUpper(text: string): boolean {
  const code = text.charCodeAt(0)
  if (code < 128) return code >= 65 && code <= 90
  return /^\p{Lu}/u.test(text)
}

function addTokens(node: SentenceContent, tokens: MutableToken[]): void {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  if (start === undefined || end === undefined) return
  if (node.type === 'WhiteSpaceNode') return
  if (node.type === 'WordNode') {
    const children = node.children
    // Most words are one text node.
    if (children.length === 1 && children[0]!.type === 'TextNode') {
      addWord(tokens, children[0]!.value, start, end)
      return
    }

    // Split hyphenated words into parts, so `cutting-edge` matches `cutting edge` too.
    let partStart = -1
    let partEnd = -1
    let text = ''
    for (const child of children) {
      if (child.type === 'PunctuationNode' && isHyphen(child.value)) {
        if (text) addWord(tokens, text, partStart, partEnd)
        text = ''
        partStart = -1
        continue
      }

      if (partStart === -1) partStart = child.position?.start.offset ?? start
      partEnd = child.position?.end.offset ?? end
      text += child.value
    }

    if (text) addWord(tokens, text, partStart, partEnd)
    return
  }

  const value = node.type === 'SourceNode' ? '\u0000source' : 'value' in node ? node.value : ''
  tokens.push(new MutableToken(value, start, end, false, false))
}
