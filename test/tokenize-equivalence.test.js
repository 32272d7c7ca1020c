/**
 * The parser makes its word, white space, punctuation and symbol nodes with
 * its own tokenizer (src/parse/tokenize.ts), not `parse-english`'s, which
 * also builds positions the parser throws away. These tests require the same
 * nodes, type for type and value for value, as the published tokenizer: for
 * every UTF-16 code unit alone, for seeded random strings that mix every
 * class (surrogate pairs, repeated punctuation, line endings), and for every
 * line of the documents in this repository.
 */
import assert from 'node:assert/strict'
import {readFileSync, readdirSync, statSync} from 'node:fs'
import {join} from 'node:path'
import {describe, it} from 'node:test'
import {ParseEnglish} from 'parse-english'
import {tokenize} from '../dist/src/parse/tokenize.js'
import {random} from './helpers.js'

const published = new ParseEnglish()

/** Nodes without positions. */
function strip(nodes) {
  return nodes.map((node) => ('children' in node ? {type: node.type, children: strip(node.children)} : {type: node.type, value: node.value}))
}

function same(value) {
  assert.deepEqual(strip(tokenize(value)), strip(published.tokenize(value)), JSON.stringify(value))
}

describe('tokenizer equivalence with parse-english', () => {
  it('classifies every UTF-16 code unit as the published tokenizer does', () => {
    for (let code = 0; code <= 0xffff; code++) same(String.fromCharCode(code))
  })

  it('groups runs the same way in random mixed strings', () => {
    const pool = [
      'a', 'Z', 'é', 'ß', '1', '٣', '字', 'ñ', '\u0301', // letters, digits, a combining mark
      ' ', '\t', '\n', '\r', '\r\n', '\u00A0', '\u2003', '\u3000', // white space
      '.', ',', '-', '--', '—', '…', '...', "'", '’', '"', '“', '(', ')', '!', '?', '¿', '/', '#', '@', '&', '_', // punctuation
      '$', '€', '+', '=', '<', '>', '^', '~', '|', '©', '°', // symbols
      '😀', '👍🏽', '𝒜', '\uD83D', '\uDE00' // surrogate pairs and lone halves
    ]
    const next = random(20261125)
    for (let round = 0; round < 3000; round++) {
      let value = ''
      const length = 1 + Math.floor(next() * 24)
      for (let index = 0; index < length; index++) value += pool[Math.floor(next() * pool.length)]
      same(value)
    }

    same('')
  })

  it('makes the same nodes for every line of the documents in this repository', () => {
    const root = new URL('..', import.meta.url).pathname
    const files = []
    const walk = (folder) => {
      for (const name of readdirSync(folder)) {
        const path = join(folder, name)
        if (statSync(path).isDirectory()) walk(path)
        else if (/\.(?:md|txt|html)$/.test(name)) files.push(path)
      }
    }

    for (const folder of ['examples', 'rules']) walk(join(root, folder))
    files.push(join(root, 'README.md'))
    let lines = 0
    for (const file of files) {
      for (const line of readFileSync(file, 'utf8').split('\n')) {
        same(line)
        lines++
      }
    }

    assert.ok(lines > 1000, 'read ' + lines + ' lines')
  })
})
