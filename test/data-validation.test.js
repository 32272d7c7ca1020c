// Rule data is validated at build time, with errors that name the file and the entry.
import assert from 'node:assert/strict'
import {spawnSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {test} from 'node:test'
import {fileURLToPath} from 'node:url'

const generator = fileURLToPath(new URL('../.tooling/src/tooling/generate-data.js', import.meta.url))

function generate(files) {
  const dir = mkdtempSync(join(tmpdir(), 'rules-'))
  try {
    for (const [id, text] of Object.entries(files)) {
      mkdirSync(join(dir, id))
      writeFileSync(join(dir, id, 'data.yml'), text)
    }

    return spawnSync(process.execPath, [generator, '--check', '--rules', dir], {encoding: 'utf8'})
  } finally {
    rmSync(dir, {recursive: true, force: true})
  }
}

test('the shipped rule data is valid and its generated modules are current', () => {
  const result = spawnSync(process.execPath, [generator, '--check'], {encoding: 'utf8'})
  assert.equal(result.status, 0, result.stderr)
})

test('bad rule data fails with the file, the entry and the problem', () => {
  const result = generate({
    promotional: [
      'sets:',
      '  puff: [grand, grand]',
      'entries:',
      "  - phrases: ['@missing thing']",
      '    note: A note long enough.',
      "  - phrases: ['world-class']",
      '    note: short',
      '    rule: vague-sourcing',
      "  - phrases: ['World-class']",
      '    note: A note long enough.',
      '    colour: red',
      "  - phrases: ['fine?']",
      '    note: A note long enough.',
      '    unless: {next: ["@nope"]}'
    ].join('\n'),
    'vague-sourcing': 'entries: [\n  - not: closed\n'
  })
  assert.equal(result.status, 1)
  const lines = result.stderr.trim().split('\n')
  const expected = [
    'rules/promotional/data.yml: set `puff` lists `grand` twice',
    'rules/promotional/data.yml: entries[0] (`@missing thing`): phrase `@missing thing`: Unknown set `@missing`',
    'rules/promotional/data.yml: entries[1] (`world-class`): `rule` must be a rule id starting with `promotional`',
    'rules/promotional/data.yml: entries[1] (`world-class`): `note` must explain the fix and the fact behind it',
    'rules/promotional/data.yml: entries[2] (`World-class`): unknown key `colour`',
    'rules/promotional/data.yml: entries[2] (`World-class`): phrase `World-class` repeats entries[1]',
    'rules/promotional/data.yml: entries[3] (`fine?`): phrase `fine?` has no required word',
    'rules/promotional/data.yml: entries[3] (`fine?`): `unless`.next: unknown set `@nope`'
  ]
  for (const line of expected) assert.ok(lines.includes(line), 'missing: ' + line + '\n' + result.stderr)
  assert.ok(lines.some((line) => line.startsWith('rules/vague-sourcing/data.yml: cannot parse YAML')), result.stderr)
})
