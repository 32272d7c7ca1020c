// The example documents keep their golden reports, and the API example type-checks and runs.
import assert from 'node:assert/strict'
import {execFileSync} from 'node:child_process'
import {existsSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {test} from 'node:test'
import {fileURLToPath} from 'node:url'
import {VFile} from 'vfile'
import {reporter} from 'vfile-reporter'
import {lint} from 'retext-credibility'
import {assertContract} from './helpers.js'

const root = fileURLToPath(new URL('..', import.meta.url))
const examples = new URL('../examples/', import.meta.url)
const documents = readdirSync(examples).filter((name) => /\.(md|html|txt)$/.test(name) && !name.endsWith('.golden.txt')).sort()

test('examples: at least three documents of each kind of content', () => {
  assert.ok(documents.length >= 3, documents.join(', '))
})

for (const name of documents) {
  test(`examples/${name}: matches its golden report`, async () => {
    const path = fileURLToPath(new URL(name, examples))
    const file = await lint(new VFile({path: 'examples/' + name, value: readFileSync(path)}))
    for (const message of file.messages) assertContract(message, String(file))
    const report = reporter([file], {color: false, verbose: false}) + '\n'
    const golden = fileURLToPath(new URL(name + '.golden.txt', examples))
    if (process.env.UPDATE_GOLDEN || !existsSync(golden)) writeFileSync(golden, report)
    assert.equal(report, readFileSync(golden, 'utf8'))
  })
}

test('examples/reference-page.md: a clean page gets no credibility finding', async () => {
  const file = await lint(readFileSync(new URL('reference-page.md', examples)), {format: 'markdown'})
  const credibility = file.messages.filter((m) => /^(vague-sourcing|promotional|affiliate)/.test(m.ruleId ?? ''))
  assert.deepEqual(credibility.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.actual}`), [])
})

test('examples/api: type-checks against the published types and runs', () => {
  execFileSync(process.execPath, [fileURLToPath(new URL('../node_modules/typescript/bin/tsc', import.meta.url)), '-p', 'examples/api'], {cwd: root, stdio: 'pipe'})
  const output = execFileSync(process.execPath, ['.scratch/examples-api/lint-article.js'], {cwd: root, encoding: 'utf8'})
  assert.match(output, /^1:1 vague-sourcing: Unexpected vague attribution `Experts say`/m)
  assert.match(output, /promotional-call-to-action/)
  assert.match(output, /product-review\.html: \d+ findings/)
})
