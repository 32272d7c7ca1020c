// Docs are tests: every `flagged` / `clean` example in every rule readme runs
// through the public `lint()`, and flagged spans must match exactly.
import assert from 'node:assert/strict'
import {readdirSync, readFileSync, existsSync} from 'node:fs'
import {test} from 'node:test'
import {lint, ruleDefinitions} from 'retext-credibility'
import {assertContract} from './helpers.js'

const rulesDir = new URL('../rules/', import.meta.url)
const fence = /^(`{3,})(text|markdown|html) (flagged|clean)\n([^]*?)\n\1$/gm
const marker = /\{\{([^]*?)\}\}/g

/** Rule ids documented in each folder, with their default level. */
const byFolder = new Map()
for (const definition of ruleDefinitions) {
  for (const [ruleId, info] of Object.entries(definition.rules)) {
    const folder = info.folder ?? definition.id
    if (!byFolder.has(folder)) byFolder.set(folder, new Map())
    byFolder.get(folder).set(ruleId, info.level)
  }
}

/** Strip `{{…}}` markers, returning the text and the marked spans. */
function unmark(source) {
  const spans = []
  let text = ''
  let last = 0
  for (const match of source.matchAll(marker)) {
    text += source.slice(last, match.index)
    let inner = match[1]
    let ids
    const bar = inner.lastIndexOf('|')
    if (bar !== -1 && /^[a-z-]+(,[a-z-]+)*$/.test(inner.slice(bar + 1))) {
      ids = inner.slice(bar + 1).split(',')
      inner = inner.slice(0, bar)
    }

    spans.push({start: text.length, end: text.length + inner.length, ids, text: inner})
    text += inner
    last = match.index + match[0].length
  }

  return {text: text + source.slice(last), spans}
}

const levels = {error: true, warn: false, info: undefined}

for (const folder of readdirSync(rulesDir).sort()) {
  const readme = new URL(folder + '/readme.md', rulesDir)
  if (!existsSync(readme)) continue
  const ids = byFolder.get(folder)
  test(`rules/${folder}: documents its rule ids`, () => {
    assert.ok(ids, `folder ${folder} belongs to a rule`)
    const doc = readFileSync(readme, 'utf8')
    for (const ruleId of ids.keys()) assert.match(doc, new RegExp('^#+ `' + ruleId + '`$', 'm'), `readme has a heading for ${ruleId}`)
  })

  const doc = readFileSync(readme, 'utf8')
  let counts = {flagged: 0, clean: 0}
  for (const [index, match] of [...doc.matchAll(fence)].entries()) {
    const [, , format, kind, body] = match
    const line = doc.slice(0, match.index).split('\n').length
    const examples = format === 'text' ? body.split('\n').filter((d) => d.trim() !== '') : [body]
    counts[kind] += examples.length
    test(`rules/${folder}/readme.md:${line}: ${kind} ${format} examples (#${index + 1})`, async () => {
      const failures = []
      for (const example of examples) {
        const {text, spans} = unmark(example)
        if (kind === 'clean') assert.equal(spans.length, 0, 'clean examples carry no markers: ' + example)
        const file = await lint(text, {format})
        for (const message of file.messages) assertContract(message, text)
        const found = file.messages.filter((m) => ids.has(m.ruleId))
        for (const message of found) assert.equal(message.fatal, levels[ids.get(message.ruleId)], `fatal follows the level of ${message.ruleId}`)
        const actual = found.map((m) => `${m.place.start.offset}-${m.place.end.offset}:${m.ruleId}`).sort()
        const problems = []
        for (const span of spans) {
          const here = found.filter((m) => m.place.start.offset === span.start && m.place.end.offset === span.end)
          if (here.length === 0) problems.push(`missing {{${span.text}}}`)
          else if (span.ids && here.map((m) => m.ruleId).sort().join(',') !== [...span.ids].sort().join(',')) {
            problems.push(`{{${span.text}}} got ${here.map((m) => m.ruleId).join(',')}`)
          }
        }

        for (const message of found) {
          if (!spans.some((span) => span.start === message.place.start.offset && span.end === message.place.end.offset)) {
            problems.push(`unexpected ${message.ruleId} \`${text.slice(message.place.start.offset, message.place.end.offset)}\``)
          }
        }

        if (problems.length > 0) failures.push(`${JSON.stringify(example)}\n    ${problems.join('\n    ')} [${actual.join(' ')}]`)
      }

      assert.equal(failures.length, 0, failures.join('\n'))
    })
  }

  test(`rules/${folder}: at least 30 flagged and 30 clean examples`, () => {
    assert.ok(counts.flagged >= 30, `${counts.flagged} flagged`)
    assert.ok(counts.clean >= 30, `${counts.clean} clean`)
  })
}
