import {inflect} from './inflect.js'
import type {Guard, PhraseData, PhraseEntry} from './phrase-data.js'

/** A word, symbol or punctuation mark of a sentence, normalized for matching. */
export interface Token {
  /** Lower case, with typographic apostrophes made straight. */
  readonly norm: string
  readonly start: number
  readonly end: number
  /** A word (or a part of a hyphenated word); punctuation and code are not. */
  readonly word: boolean
  /** Starts with an upper-case letter. */
  readonly capitalized: boolean
}

type Slot = 'proper' | 'number' | 'year' | 'word'

/** One position of a compiled pattern: the words (or slot) that may fill it. */
interface Step {
  readonly words: ReadonlySet<string>
  /** Alternatives of two or more words (`close to`, `state of the art`). */
  readonly sequences: ReadonlyArray<readonly string[]>
  readonly slot: Slot | undefined
  readonly optional: boolean
}

interface Pattern {
  readonly id: number
  readonly steps: readonly Step[]
  /** Words of the pattern's rarest required step: it is only tried in sentences holding one (`undefined`: always tried). */
  readonly anchor: ReadonlySet<string> | undefined
  /** Most tokens a match can span. */
  readonly reach: number
  readonly source: number
  readonly entry: CompiledEntry
}

/** An entry with its guards resolved to word sets. */
export interface CompiledEntry extends PhraseEntry {
  readonly id: number
  readonly guards: {readonly unless: CompiledGuard | undefined; readonly require: CompiledGuard | undefined}
}

interface CompiledGuard {
  readonly next: ReadonlySet<string> | undefined
  readonly prev: ReadonlySet<string> | undefined
  readonly sentence: ReadonlySet<string> | undefined
  /** Multi-word phrases of `sentence`. */
  readonly sentencePhrases: ReadonlyArray<readonly string[]>
  readonly capitalized: boolean
  readonly start: boolean
}

/** A match of one entry on tokens `start` to `end` (inclusive) of a sentence. */
export interface Match {
  readonly source: number
  readonly entry: CompiledEntry
  readonly start: number
  readonly end: number
}

/** Phrase data of one source (a rule), plus its extra phrases. */
export interface MatcherSource {
  readonly data: PhraseData
}

/** Compiled phrases of several rules, walked once per sentence. */
export interface Matcher {
  /** Best match starting at each token, left to right, without overlaps; `accept` may reject a candidate. */
  readonly run: (tokens: readonly Token[], accept: (match: Match) => boolean) => void
}

/**
 * Compile the phrase data of several sources into one automaton: every
 * pattern is a small layered automaton over word sets (linear in the size of
 * the pattern, however many optional sets it chains), and an index from
 * first words to patterns picks the few worth trying at each token.
 */
export function compileMatcher(sources: readonly MatcherSource[]): Matcher {
  const byFirst = new Map<string, Pattern[]>()
  const slotFirst: Pattern[] = []
  const byAnchor = new Map<string, Pattern[]>()
  let patternCount = 0
  let id = 0
  for (let source = 0; source < sources.length; source++) {
    const {data} = sources[source]!
    for (const entry of data.entries) {
      const compiled: CompiledEntry = {
        ...entry,
        id: id++,
        guards: {unless: compileGuard(entry.unless, data), require: compileGuard(entry.require, data)}
      }
      for (const phrase of entry.phrases) {
        const steps = parsePattern(phrase, data).map(toStep)
        const pattern: Pattern = {id: patternCount++, steps, anchor: anchorOf(steps), reach: reachOf(steps), source, entry: compiled}
        for (const word of pattern.anchor ?? []) {
          const list = byAnchor.get(word)
          if (list) list.push(pattern)
          else byAnchor.set(word, [pattern])
        }

        const {words, slot} = firstWords(pattern.steps)
        for (const word of words) {
          const list = byFirst.get(word)
          if (list) list.push(pattern)
          else byFirst.set(word, [pattern])
        }

        if (slot) slotFirst.push(pattern)
      }
    }
  }

  const marks = new Int32Array(patternCount)
  let runStamp = 0
  return {run}

  function run(tokens: readonly Token[], accept: (match: Match) => boolean): void {
    // Mark the patterns whose anchor word occurs in this sentence.
    runStamp++
    for (const token of tokens) {
      const list = byAnchor.get(token.norm)
      if (list) for (const pattern of list) marks[pattern.id] = runStamp
    }

    // Patterns that start with a slot (a name, a number) are tried at every word: only those possible here.
    const slotted = scratchSlotted
    slotted.length = 0
    for (const pattern of slotFirst) if (!pattern.anchor || marks[pattern.id] === runStamp) slotted.push(pattern)

    let index = 0
    while (index < tokens.length) {
      const token = tokens[index]!
      let advanced = false
      const patterns = byFirst.get(token.norm)
      if (patterns || (token.word && slotted.length > 0)) {
        const candidates = scratchMatches
        candidates.length = 0
        if (patterns) for (const pattern of patterns) if (!pattern.anchor || marks[pattern.id] === runStamp) simulate(pattern, tokens, index, candidates)
        if (token.word) for (const pattern of slotted) simulate(pattern, tokens, index, candidates)
        // Longest first; among equals, the entry written first.
        if (candidates.length > 1) candidates.sort((a, b) => b.end - a.end || a.entry.id - b.entry.id)
        for (const match of candidates) {
          if (passes(match, tokens) && accept(match)) {
            index = match.end + 1
            advanced = true
            break
          }
        }
      }

      if (!advanced) index++
    }
  }
}

const scratchMatches: Match[] = []
const scratchSlotted: Pattern[] = []

/** Run one pattern from token `start`, adding every way it can end. */
// Scratch space of `simulate`, reused across calls: matching allocates nothing per candidate.
let stamps = new Int32Array(0)
let stamp = 0
const stackSteps: number[] = []
const stackIndices: number[] = []

/** Run one pattern from token `start`, adding the longest way it can end. */
function simulate(pattern: Pattern, tokens: readonly Token[], start: number, found: Match[]): void {
  const steps = pattern.steps
  // A pattern consumes at most `reach` tokens, so states are (step, offset from start).
  const width = pattern.reach + 1
  const size = (steps.length + 1) * width
  if (stamps.length < size) stamps = new Int32Array(size * 2)
  stamp++
  if (stamp === 2 ** 31 - 1) {
    stamps.fill(0)
    stamp = 1
  }

  let depth = 0
  stackSteps[depth] = 0
  stackIndices[depth] = start
  depth++
  let longest = -1
  while (depth > 0) {
    depth--
    const step = stackSteps[depth]!
    const index = stackIndices[depth]!
    const offset = index - start
    if (offset >= width) continue
    const key = step * width + offset
    if (stamps[key] === stamp) continue
    stamps[key] = stamp
    if (step === steps.length) {
      if (index > start && index - 1 > longest) longest = index - 1
      continue
    }

    const current = steps[step]!
    if (current.optional) {
      stackSteps[depth] = step + 1
      stackIndices[depth] = index
      depth++
    }

    const token = tokens[index]
    if (!token) continue
    if (current.slot) {
      if (token.word && fills(current.slot, token, index === 0)) {
        stackSteps[depth] = step + 1
        stackIndices[depth] = index + 1
        depth++
      }

      continue
    }

    if (current.words.has(token.norm)) {
      stackSteps[depth] = step + 1
      stackIndices[depth] = index + 1
      depth++
    }

    for (const sequence of current.sequences) {
      let same = true
      for (let word = 0; word < sequence.length && same; word++) same = tokens[index + word]?.norm === sequence[word]
      if (same) {
        stackSteps[depth] = step + 1
        stackIndices[depth] = index + sequence.length
        depth++
      }
    }
  }

  if (longest >= start) found.push({source: pattern.source, entry: pattern.entry, start, end: longest})
}

/** Function words: a step made of them says little about whether a sentence can match. */
const common = new Set(['the', 'a', 'an', 'to', 'of', 'in', 'is', 'are', 'was', 'were', 'be', 'been', 'it', "it's", 'this', 'that', 'and', 'or', 'for', 'on', 'with', 'as', 'by', 'at', 'we', 'i', 'you', 'our', 'your', 'their', 'its', 'has', 'have', 'had', 'not', 'do', 'does'])

/** The word set of the required step least likely to occur; `undefined` when no required step has words only. */
function anchorOf(steps: readonly Step[]): ReadonlySet<string> | undefined {
  let best: ReadonlySet<string> | undefined
  let bestScore = Number.POSITIVE_INFINITY
  for (const step of steps) {
    if (step.optional || step.slot) continue
    const words = new Set(step.words)
    for (const sequence of step.sequences) words.add(sequence[0]!)
    if (words.size === 0) continue
    let score = words.size
    for (const word of words) if (common.has(word)) score += 1000
    if (score < bestScore) {
      best = words
      bestScore = score
    }
  }

  return best
}

/** Most tokens a pattern can span: the longest alternative of every step. */
function reachOf(steps: readonly Step[]): number {
  let reach = 0
  for (const step of steps) reach += Math.max(step.slot || step.words.size > 0 ? 1 : 0, ...step.sequences.map((sequence) => sequence.length))
  return reach
}

function toStep(token: PatternToken): Step {
  const words = new Set<string>()
  const sequences: string[][] = []
  for (const alternative of token.alternatives) {
    if (alternative.length === 1) words.add(alternative[0]!)
    else if (alternative.length > 1) sequences.push([...alternative])
  }

  return {words, sequences, slot: token.slot, optional: token.optional}
}

/** Words a pattern can start with, and whether a slot can start it. */
function firstWords(steps: readonly Step[]): {words: Set<string>; slot: boolean} {
  const words = new Set<string>()
  let slot = false
  for (const step of steps) {
    if (step.slot) slot = true
    for (const word of step.words) words.add(word)
    for (const sequence of step.sequences) words.add(sequence[0]!)
    if (!step.optional) break
  }

  return {words, slot}
}

function fills(slot: Slot, token: Token, first: boolean): boolean {
  switch (slot) {
    case 'proper': {
      return token.capitalized && !first
    }

    case 'number': {
      return /^\d[\d,.]*$/.test(token.norm)
    }

    case 'year': {
      return /^(?:1[89]|20)\d\d$/.test(token.norm)
    }

    default: {
      return true
    }
  }
}

function passes(match: Match, tokens: readonly Token[]): boolean {
  const {unless, require} = match.entry.guards
  if (unless && holds(unless, match, tokens, false)) return false
  if (require && !holds(require, match, tokens, true)) return false
  return true
}

/** Whether a guard holds; `all` asks for every test given, else any. */
function holds(guard: CompiledGuard, match: Match, tokens: readonly Token[], all: boolean): boolean {
  const results: boolean[] = []
  if (guard.next) {
    const next = tokens[match.end + 1]
    results.push(next !== undefined && hasWord(guard.next, next.norm))
  }

  if (guard.prev) {
    const previous = tokens[match.start - 1]
    results.push(previous !== undefined && hasWord(guard.prev, previous.norm))
  }

  if (guard.sentence) {
    const words = guard.sentence
    const outside = (index: number): boolean => index < match.start || index > match.end
    results.push(
      tokens.some((token, index) => outside(index) && hasWord(words, token.norm)) ||
        guard.sentencePhrases.some((phrase) => tokens.some((_, index) => outside(index) && phrase.every((word, offset) => tokens[index + offset]?.norm === word)))
    )
  }

  if (guard.capitalized) {
    const first = tokens[match.start]!
    results.push(first.capitalized && !isSentenceStart(tokens, match.start))
  }

  if (guard.start) results.push(isSentenceStart(tokens, match.start) || /^[,;:(—–]$/.test(tokens[match.start - 1]?.norm ?? ''))
  return all ? results.every(Boolean) : results.some(Boolean)
}

/** Whether a guard's words hold a token, also in its possessive form (`blade's` is `blade`). */
function hasWord(words: ReadonlySet<string>, norm: string): boolean {
  if (words.has(norm)) return true
  const bare = norm.endsWith("'s") ? norm.slice(0, -2) : norm.endsWith("s'") ? norm.slice(0, -1) : undefined
  return bare !== undefined && words.has(bare)
}

/** Whether only punctuation (quotes, brackets, list markers) comes before token `index`. */
export function isSentenceStart(tokens: readonly Token[], index: number): boolean {
  for (let before = 0; before < index; before++) if (tokens[before]!.word) return false
  return true
}

function compileGuard(guard: Guard | undefined, data: PhraseData): CompiledGuard | undefined {
  if (!guard) return undefined
  return {
    next: guard.next ? expandWords(guard.next, data) : undefined,
    prev: guard.prev ? expandWords(guard.prev, data) : undefined,
    sentence: guard.sentence ? expandWords(guard.sentence, data) : undefined,
    sentencePhrases: (guard.sentence ?? []).flatMap((word) => alternatives(word, data)).filter((words) => words.length > 1),
    capitalized: guard.capitalized === true,
    start: guard.start === true
  }
}

function expandWords(words: readonly string[], data: PhraseData): Set<string> {
  const result = new Set<string>()
  for (const word of words) for (const sequence of alternatives(word, data)) if (sequence.length === 1) result.add(sequence[0]!)
  return result
}

interface PatternToken {
  readonly alternatives: ReadonlyArray<readonly string[]>
  readonly slot: Slot | undefined
  readonly optional: boolean
}

/** Parse a pattern into tokens; exported for the data validator. */
export function parsePattern(phrase: string, data: PhraseData): PatternToken[] {
  const tokens: PatternToken[] = []
  for (let part of phrase.trim().split(/\s+/)) {
    const optional = part.endsWith('?') && part.length > 1
    if (optional) part = part.slice(0, -1)
    const slot = /^<(proper|number|year|word)>(\+)?$/.exec(part)
    if (slot) {
      tokens.push({alternatives: [], slot: slot[1] as Slot, optional})
      // `<proper>+` is one to four proper nouns in a row.
      if (slot[2]) for (let extra = 0; extra < 3; extra++) tokens.push({alternatives: [], slot: slot[1] as Slot, optional: true})
      continue
    }

    tokens.push({alternatives: alternatives(part, data), slot: undefined, optional})
  }

  return tokens
}

/** The word sequences a pattern token stands for. */
function alternatives(part: string, data: PhraseData): Array<readonly string[]> {
  const result: Array<readonly string[]> = []
  for (const option of part.split('|')) {
    if (option.startsWith('@')) {
      const set = data.sets[option.slice(1).replace(/~$/, '')]
      if (!set) throw new Error('Unknown set `' + option + '`')
      const inflectSet = option.endsWith('~')
      for (const member of set) {
        for (const words of literal(inflectSet && !member.endsWith('~') ? member + '~' : member)) result.push(words)
      }
    } else {
      result.push(...literal(option))
    }
  }

  return result
}

/** Word sequences of literals already read: sets are shared by many patterns, so members come up again and again. */
const literals = new Map<string, ReadonlyArray<readonly string[]>>()

/** A literal (`say~`, `state-of-the-art`, `close_to`) as word sequences (shared, read-only). */
function literal(option: string): ReadonlyArray<readonly string[]> {
  let sequences = literals.get(option)
  if (!sequences) {
    sequences = readLiteral(option)
    literals.set(option, sequences)
  }

  return sequences
}

function readLiteral(option: string): string[][] {
  const inflected = option.endsWith('~')
  const base = normalize(inflected ? option.slice(0, -1) : option)
  const words = base.split(/[-_\s]+/).flatMap((word) => (word.startsWith('#') && word.length > 1 ? ['#', word.slice(1)] : [word])).filter(Boolean)
  if (!inflected) return [words]
  // Inflect the head: the last word (`take~` → takes; `sign up` needs `sign~ up`).
  const head = words.at(-1) ?? ''
  return inflect(head).map((form) => [...words.slice(0, -1), form])
}

/** Normalize a word for matching: lower case, straight apostrophes. */
export function normalize(value: string): string {
  const lower = value.toLowerCase()
  return hasCurlyApostrophe.test(lower) ? lower.replace(curlyApostrophes, "'") : lower
}

const hasCurlyApostrophe = /[\u2018\u2019\u02BC]/
const curlyApostrophes = /[\u2018\u2019\u02BC]/g
