// The labeled set (test/fixtures/labeled.jsonl) keeps its floors: every rule
// family finds at least 90% of what it should (recall) and at least 95% of
// what it reports is right (precision). A rule change that lowers either
// fails here with the table and the items it got wrong.
import assert from 'node:assert/strict'
import {readFileSync} from 'node:fs'
import {test} from 'node:test'
import {lint} from 'retext-credibility'
import {isLabeledItem, itemsTable, scoreItems, wrongLines} from '../dist/src/eval/items.js'
import {families, metrics} from '../dist/src/eval/score.js'

const floors = {precision: 0.95, recall: 0.9}
const lines = readFileSync(new URL('fixtures/labeled.jsonl', import.meta.url), 'utf8').split('\n').filter((line) => line.trim() !== '')
const items = lines.map((line, index) => {
  const item = JSON.parse(line)
  assert.ok(isLabeledItem(item), `labeled.jsonl:${index + 1} has the shape {id, text, expect: [families], optional: [families]}`)
  return item
})

test('labeled set: at least 150 items per family, about half of them clean', () => {
  for (const family of families) {
    const prefix = {'vague-sourcing': 'vs-', promotional: 'pr-', affiliate: 'af-'}[family]
    const own = items.filter((item) => item.id.startsWith(prefix))
    const flagged = own.filter((item) => item.expect.includes(family)).length
    assert.ok(own.length >= 150, `${family}: ${own.length} items`)
    assert.ok(flagged >= own.length * 0.4 && flagged <= own.length * 0.6, `${family}: ${flagged} of ${own.length} expect a finding`)
  }
})

test('labeled set: ids are unique', () => {
  const ids = items.map((item) => item.id)
  assert.equal(new Set(ids).size, ids.length)
})

test(`labeled set: every family has precision ≥ ${floors.precision} and recall ≥ ${floors.recall}`, async () => {
  const score = await scoreItems(items, lint)
  const below = []
  for (const family of families) {
    const {precision, recall} = metrics(score.tallies[family])
    if (precision === undefined || precision < floors.precision) below.push(`${family} precision ${precision?.toFixed(3) ?? '–'}`)
    if (recall === undefined || recall < floors.recall) below.push(`${family} recall ${recall?.toFixed(3) ?? '–'}`)
  }

  if (below.length > 0) {
    assert.fail(['Below the floor: ' + below.join(', '), '', itemsTable(score), '', 'Wrong items:', ...wrongLines(score).map((line) => '  ' + line)].join('\n'))
  }
})
