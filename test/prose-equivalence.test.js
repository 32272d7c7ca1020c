/**
 * The preset runs faster equivalents of `retext-readability` and
 * `retext-passive` (src/prose/*). These tests run the published plugins and
 * ours on the same trees and require the same messages, field by field, on
 * a corpus generated here: hand-written passages plus seeded random
 * sentences built from the plugins' own word lists, so that every passive
 * participle, familiar and easy word, long word, literal (quoted, dashed,
 * bracketed) use and sentence length gets exercised.
 */
import assert from 'node:assert/strict'
import {describe, it} from 'node:test'
import {daleChall} from 'dale-chall'
import retextEnglish from 'retext-english'
import retextPassive from 'retext-passive'
import retextReadability from 'retext-readability'
import {spache} from 'spache'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {parseDocument} from '../dist/src/parse/index.js'
import {passiveList} from '../dist/src/prose/passive-list.js'
import {passive} from '../dist/src/prose/passive.js'
import {readability} from '../dist/src/prose/readability.js'
import {random} from './helpers.js'

// The package does not export its list; read the file it ships.
const {list: publishedPassiveList} = await import(new URL('../node_modules/retext-passive/lib/list.js', import.meta.url).href)

const handWritten = [
  'The report was written by the committee. It is said that the bridge was built in a hurry, and the results were hidden from the public.',
  'Mistakes were made. The cake is eaten. I am beaten but not broken. They are being driven home. Has the letter been sent?',
  'He said the word "broken" twice. The label (was broken) is wrong. A so-called ‘built’ house — was found — stands here; is: done.',
  'The old man’s dog was bitten. The well-known well-made chair was well-built. Was-built is not a word, but is re-built one?',
  'Notwithstanding the aforementioned considerations, the implementation of comprehensive organizational infrastructure necessitates unprecedented interdepartmental collaboration and institutionalized accountability mechanisms.',
  'The cat sat on the mat. The dog ran to the park and back again with a ball in its mouth.',
  'Internationalization, characterization and institutionalization are considerably more polysyllabic than monosyllabic alternatives.',
  'SEVERAL UPPERCASE WORDS WERE FOUND HERE AND THEY WERE HIDDEN BY ORGANIZATIONAL INFRASTRUCTURE CONSIDERATIONS.',
  'Was it done? It was. Done it was. Be done. Been done. Being done. Am done. Were done, were they not, or were they “done”?',
  'Rust’s ownership model guarantees memory safety without a garbage collector, which is considered an extraordinarily sophisticated characteristic.',
  'Numbers like 3.14 and 1,000 and v2-beta were counted; emoji 🎉 and symbols & * % were seen; the word * was tested.',
  'A sentence with 1 2 3 4 5 6 7 8 9 words that are numbers was written in the year 2024 by people who were known.',
  'It was "broken" again. It was (built) later. Is “done” now, is ‘given’ then, was «found» there, was [hidden] here.',
  'Was — built — twice. Was: built; was built: yes. Were - driven - off. Been — done.'
]

const beVerbs = ['am', 'are', 'were', 'being', 'is', 'been', 'was', 'be', 'Was', 'IS', 'has', 'had', 'will']
const longWords = [
  'organizational',
  'infrastructure',
  'comprehensive',
  'unprecedented',
  'accountability',
  'notwithstanding',
  'implementation',
  'characteristically',
  'interdisciplinary',
  'Constantinople',
  'Mississippi',
  'extraordinarily',
  'nevertheless',
  'telecommunication'
]
const punctuation = [',', ';', ':', ' —', ' -', ' (', ')', ' "', '"', ' ‘', '’', ' [', ']']
const wrappers = ['"%"', '(%)', '“%”', '‘%’', '«%»', '[%]', '— % —', ': %;', '\'%\'']
const enders = ['.', '!', '?', '...', '.”', '."']


/** Generate a document of `paragraphs` paragraphs from the word lists. */
function generate(seed, paragraphs) {
  const next = random(seed)
  const pick = (list) => list[Math.floor(next() * list.length)]
  const out = [...handWritten]
  let participle = 0
  for (let p = 0; p < paragraphs; p++) {
    const sentences = []
    const count = 1 + Math.floor(next() * 5)
    for (let s = 0; s < count; s++) {
      const length = 1 + Math.floor(next() * 30)
      const words = []
      for (let w = 0; w < length; w++) {
        const roll = next()
        let word
        if (roll < 0.08) {
          // Walk through every participle in order, so each is seen after a verb.
          words.push(pick(beVerbs))
          word = publishedPassiveList[participle++ % publishedPassiveList.length]
        } else if (roll < 0.12) word = pick(publishedPassiveList)
        else if (roll < 0.4) word = pick(spache)
        else if (roll < 0.7) word = pick(daleChall)
        else if (roll < 0.8) word = pick(longWords)
        else if (roll < 0.85) word = pick(beVerbs)
        else if (roll < 0.9) word = pick(daleChall) + '-' + pick(spache)
        else if (roll < 0.93) word = pick(spache) + '’s'
        else word = pick(daleChall)
        if (next() < 0.1) word = word.charAt(0).toUpperCase() + word.slice(1)
        if (next() < 0.06) word = pick(wrappers).replace('%', word)
        if (next() < 0.08) word += pick(punctuation)
        words.push(word)
      }

      sentences.push(words.join(' ') + pick(enders))
    }

    out.push(sentences.join(' '))
  }

  return out.join('\n\n')
}

/** Plain data of a message, every field the plugins set. */
function plain(message) {
  return {
    reason: message.reason,
    message: message.message,
    name: message.name,
    ruleId: message.ruleId,
    source: message.source,
    line: message.line,
    column: message.column,
    place: message.place,
    fatal: message.fatal,
    actual: message.actual,
    expected: message.expected,
    url: message.url,
    note: message.note,
    file: message.file,
    ancestors: (message.ancestors ?? []).map((node) => node.type + '@' + JSON.stringify(node.position))
  }
}

/** Messages of one transformer on a tree. */
async function messagesOf(transformer, tree, value) {
  const file = new VFile({path: 'doc.md', value})
  await transformer(tree, file, () => {})
  return file.messages.map((message) => plain(message))
}

/** Trees to compare on: retext-english over plain text, and this package's own Markdown parse. */
function trees(value) {
  const english = unified().use(retextEnglish).parse(value)
  const markdown = parseDocument(new VFile({path: 'doc.md', value}), 'markdown').tree
  return [
    ['retext-english', english],
    ['markdown parser', markdown]
  ]
}

const corpus = generate(20240601, 400)
const markdownCorpus = [
  '# Was broken heading was built',
  '',
  '> A quote that was written by someone who was known. ' + handWritten[4],
  '',
  '- a list item was done',
  '- *emphasis was given* and `code was run` and [a link was found](https://example.com)',
  '',
  '| table | was |',
  '| --- | --- |',
  '| it was | made |',
  '',
  generate(7, 60)
].join('\n')

describe('faster prose plugins equal the published ones', () => {
  it('copies the published passive list exactly', () => {
    assert.deepEqual([...passiveList], [...publishedPassiveList])
  })

  it('generates a corpus that exercises the plugins', async () => {
    const [, tree] = trees(corpus)[0]
    const published = await messagesOf(retextPassive(), tree, corpus)
    const hard = await messagesOf(retextReadability(), tree, corpus)
    assert.ok(corpus.length > 50_000, 'corpus size ' + corpus.length)
    assert.ok(new Set(published.map((d) => d.ruleId)).size > 150, 'passive participles seen')
    assert.ok(hard.length > 50, 'hard sentences seen')
  })

  const readabilityOptions = [undefined, {}, {age: 18, threshold: 5 / 7, minWords: 8}, {age: 12}, {age: 22, threshold: 1}, {minWords: 0}, {minWords: 20, threshold: 2 / 7}, {age: 0, threshold: 0}]
  for (const options of readabilityOptions) {
    it('readability, options ' + JSON.stringify(options), async () => {
      for (const value of [corpus, markdownCorpus]) {
        for (const [name, tree] of trees(value)) {
          const expected = await messagesOf(retextReadability(options), tree, value)
          const actual = await messagesOf(readability(options), tree, value)
          assert.ok(expected.length > 0 || options?.threshold === 1, name + ': expected some messages')
          assert.deepEqual(actual, expected, name)
        }
      }
    })
  }

  const passiveOptions = [undefined, {}, {ignore: []}, {ignore: ['built', 'done', 'found', 'not-in-list']}, {ignore: publishedPassiveList.slice(0, 100)}]
  for (const options of passiveOptions) {
    it('passive, options ' + JSON.stringify(options)?.slice(0, 60), async () => {
      for (const value of [corpus, markdownCorpus]) {
        for (const [name, tree] of trees(value)) {
          const expected = await messagesOf(retextPassive(options), tree, value)
          const actual = await messagesOf(passive(options), tree, value)
          assert.ok(expected.length > 0, name + ': expected some messages')
          assert.deepEqual(actual, expected, name)
        }
      }
    })
  }

  it('handles trees without sentences or words', async () => {
    const empty = {type: 'RootNode', children: []}
    assert.deepEqual(await messagesOf(readability(), empty, ''), await messagesOf(retextReadability(), empty, ''))
    assert.deepEqual(await messagesOf(passive(), empty, ''), await messagesOf(retextPassive(), empty, ''))
  })
})
