import {automatedReadability} from 'automated-readability'
import {colemanLiau} from 'coleman-liau'
import {daleChall} from 'dale-chall'
import {daleChallFormula, daleChallGradeLevel} from 'dale-chall-formula'
import {flesch} from 'flesch'
import {gunningFog} from 'gunning-fog'
import type {Nodes, Parents, Root, Sentence, Word} from 'nlcst'
import {toString} from 'nlcst-to-string'
import {smogFormula} from 'smog-formula'
import {spache} from 'spache'
import {spacheFormula} from 'spache-formula'
import {syllable} from 'syllable'
import type {VFile} from 'vfile'
import {wordText} from './word-text.js'

/** Options of `readability`, the same as `retext-readability`'s. */
export interface ReadabilityOptions {
  /** Target age group (default: `16`). */
  readonly age?: number | null | undefined
  /** Check sentences with at least this number of words (default: `5`). */
  readonly minWords?: number | null | undefined
  /** Number of algorithms (out of 7) that must agree a sentence is hard to read (default: `4 / 7`). */
  readonly threshold?: number | null | undefined
}

/**
 * `retext-readability` 8, with the same formulas (from the same packages),
 * the same word lists and the same messages, but cheaper:
 *
 * - the familiar (Spache) and easy (Dale–Chall) word lists are `Set`s, not
 *   arrays scanned once per word;
 * - syllable counts are remembered per word form (`syllable` is pure);
 * - sentences shorter than `minWords` are counted, not scored (the published
 *   plugin computes their syllables and throws the counts away);
 * - plain loops instead of a `unist-util-visit` per sentence.
 *
 * `test/prose-equivalence.test.js` compares messages with the published
 * plugin on a generated corpus.
 */
export function readability(options?: ReadabilityOptions | null): (tree: Root, file: VFile) => undefined {
  const settings = options ?? {}
  // `||`, not `??`: the published plugin treats `0` as unset.
  const age = settings.age || 16
  const threshold = settings.threshold || 4 / 7
  const minWords = typeof settings.minWords === 'number' ? settings.minWords : 5

  return function (tree, file) {
    eachSentence(tree, undefined, function (sentence, parent) {
      const words: Word[] = []
      collectWords(sentence, words)
      if (words.length < minWords) return

      const familiarWords = new Set<string>()
      const easyWords = new Set<string>()
      let complexPolysillabicWord = 0
      let letters = 0
      let polysillabicWord = 0
      let totalSyllables = 0

      for (const node of words) {
        const value = wordText(node)
        const caseless = value.toLowerCase()
        const syllables = syllablesOf(value)
        totalSyllables += syllables
        letters += value.length

        // Gunning fog: three or more syllables and not (simply checked) a proper noun.
        if (syllables >= 3) {
          polysillabicWord++
          if (value.charCodeAt(0) === caseless.charCodeAt(0)) complexPolysillabicWord++
        }

        // Unique familiar words (Spache) and unique easy words (Dale–Chall).
        if (familiar.has(caseless)) familiarWords.add(caseless)
        if (easy.has(caseless)) easyWords.add(caseless)
      }

      const wordCount = words.length
      const counts = {
        character: letters,
        complexPolysillabicWord,
        difficultWord: wordCount - easyWords.size,
        letter: letters,
        polysillabicWord,
        sentence: 1,
        syllable: totalSyllables,
        unfamiliarWord: wordCount - familiarWords.size,
        word: wordCount
      }

      const scores = [
        gradeToAge(automatedReadability(counts)),
        gradeToAge(colemanLiau(counts)),
        gradeToAge(daleChallGradeLevel(daleChallFormula(counts))[1]),
        fleschToAge(flesch(counts)),
        gradeToAge(gunningFog(counts)),
        smogToAge(smogFormula(counts)),
        gradeToAge(spacheFormula(counts))
      ]

      let nok = 0
      for (const score of scores) if (score > age) nok++
      if (nok / scores.length < threshold) return

      const message = file.message('Unexpected hard to read sentence, according to ' + (nok < scores.length ? nok + ' out of ' : 'all ') + scores.length + ' algorithms', {
        ancestors: parent ? [parent, sentence] : [sentence],
        place: sentence.position,
        ruleId: 'readability',
        source: 'retext-readability'
      })
      message.actual = toString(sentence)
      message.expected = []
      message.url = 'https://github.com/retextjs/retext-readability#readme'
    })

    return undefined
  }
}

const familiar = new Set(spache)
const easy = new Set(daleChall)

/** Remembered syllable counts of ordinary words; cleared when full so memory stays bounded on huge vocabularies. */
const syllableCache = new Map<string, number>()
const syllableCacheLimit = 50_000
const syllableCacheMaxLength = 40

function syllablesOf(value: string): number {
  if (value.length > syllableCacheMaxLength) return syllable(value)
  let count = syllableCache.get(value)
  if (count === undefined) {
    count = syllable(value)
    if (syllableCache.size >= syllableCacheLimit) syllableCache.clear()
    syllableCache.set(value, count)
  }

  return count
}

/** Call `each` on every sentence in preorder, not looking inside sentences (like `visit` returning `SKIP`). */
function eachSentence(node: Nodes, parent: Parents | undefined, each: (sentence: Sentence, parent: Parents | undefined) => void): void {
  if (node.type === 'SentenceNode') {
    each(node, parent)
    return
  }

  if ('children' in node) {
    for (const child of node.children) eachSentence(child, node, each)
  }
}

/** Every word in a sentence, in preorder (like `visit(sentence, 'WordNode')`). */
function collectWords(node: Nodes, words: Word[]): void {
  if (!('children' in node)) return
  for (const child of node.children) {
    if (child.type === 'WordNode') words.push(child)
    if ('children' in child) collectWords(child, words)
  }
}

/** Typical (higher-end) starting age of a US grade. */
function gradeToAge(grade: number): number {
  return Math.round(grade + 5)
}

/** Age of a Flesch reading ease score. */
function fleschToAge(value: number): number {
  return 20 - Math.floor(value / 10)
}

/** Age of a SMOG score. */
function smogToAge(value: number): number {
  return Math.ceil(Math.sqrt(value) + 2.5)
}
