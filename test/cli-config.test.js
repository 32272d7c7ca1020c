// Config discovery and errors, ignore files and inline suppression, through the real bin.
import assert from 'node:assert/strict'
import {test} from 'node:test'
import {assertValidSarif, json, messagesOf, ruleIds, run, samples, tree} from './fixtures/cli-helpers.js'

test('config cascade: the closest config applies, in every supported file kind', async () => {
  const folder = tree({
    '.retext-credibilityrc.json': JSON.stringify({rules: {promotional: 'off'}}),
    'top.md': samples.markdown,
    'plain/inherits.md': samples.markdown,
    'strict/.retext-credibilityrc': JSON.stringify({rules: {'vague-sourcing': 'error'}}),
    'strict/a.md': samples.markdown,
    'yaml/.retext-credibilityrc.yml': 'rules:\n  vague-sourcing: off\nignore:\n  - made waves\n',
    'yaml/a.md': samples.markdown,
    'pkg/package.json': JSON.stringify({name: 'site', 'retext-credibility': {flag: {promotional: ['launch']}, rules: {vague: 'info'}}}),
    'pkg/a.md': samples.markdown
  })
  const result = await run(['.', '--report', 'json'], {cwd: folder})
  assert.equal(result.code, 1, result.stdout)
  const report = json(result)
  assert.deepEqual(ruleIds(messagesOf(report, 'top.md')), ['vague-sourcing'])
  assert.deepEqual(ruleIds(messagesOf(report, 'plain/inherits.md')), ['vague-sourcing'])
  const strict = messagesOf(report, 'strict/a.md')
  assert.deepEqual(ruleIds(strict), ['promotional', 'promotional', 'vague-sourcing'], 'the closest config replaces, not merges, the one above')
  assert.equal(strict.find((d) => d.ruleId === 'vague-sourcing').fatal, true)
  assert.deepEqual(
    messagesOf(report, 'yaml/a.md').map((d) => d.actual),
    ['cutting-edge']
  )
  const pkg = messagesOf(report, 'pkg/a.md')
  assert.deepEqual(
    pkg.map((d) => d.actual),
    ['Launch', 'cutting-edge', 'made waves', 'Experts say']
  )
  assert.equal(pkg.at(-1).fatal, undefined, 'info level: fatal unset')
})

test('--rc-path uses one config for every file; --no-config uses the defaults', async () => {
  const folder = tree({
    '.retext-credibilityrc.json': JSON.stringify({rules: {promotional: 'off'}}),
    'configs/strict.json': JSON.stringify({rules: {promotional: 'error', 'vague-sourcing': 'off'}}),
    'a.md': samples.markdown
  })
  const [given, none] = await Promise.all([
    run(['a.md', '--rc-path', 'configs/strict.json', '--report', 'json'], {cwd: folder}),
    run(['a.md', '--no-config', '--report', 'json'], {cwd: folder})
  ])
  assert.equal(given.code, 1)
  assert.deepEqual(
    messagesOf(json(given), 'a.md').map((d) => [d.ruleId, d.fatal]),
    [
      ['promotional', true],
      ['promotional', true]
    ]
  )
  assert.equal(none.code, 0)
  assert.deepEqual(ruleIds(messagesOf(json(none), 'a.md')), ['promotional', 'promotional', 'vague-sourcing'])
})

test('config errors: exit 2, one line naming the file, the key and the value; other folders still linted', async () => {
  const folder = tree({
    'bad/.retext-credibilityrc.json': JSON.stringify({rules: {promotional: 'sometimes'}}),
    'bad/a.md': samples.markdown,
    'bad/b.md': samples.markdown,
    'key/.retext-credibilityrc.json': JSON.stringify({rulez: {}}),
    'key/a.md': samples.markdown,
    'id/.retext-credibilityrc.yml': 'rules:\n  puffery: warn\n',
    'id/a.md': samples.markdown,
    'syntax/.retext-credibilityrc.json': '{"rules": {',
    'syntax/a.md': samples.markdown,
    'good/a.md': samples.markdown
  })
  const [human, sarif, missing] = await Promise.all([
    run(['.'], {cwd: folder}),
    run(['bad', 'key', 'id', 'syntax', 'good', '--report', 'sarif'], {cwd: folder}),
    run(['good', '--rc-path', 'nope.json'], {cwd: folder})
  ])
  assert.equal(human.code, 2)
  const lines = human.stderr.trim().split('\n')
  assert.equal(lines.length, 4, human.stderr)
  assert.ok(
    lines.includes(
      "retext-credibility: cannot use config `bad/.retext-credibilityrc.json`: Unexpected `\"sometimes\"` for `rules.promotional`, expected `'off'`, `'info'`, `'warn'`, `'error'`, `0`, `1` or `2` (2 files not linted)"
    ),
    human.stderr
  )
  assert.ok(lines.some((d) => d.startsWith('retext-credibility: cannot use config `key/.retext-credibilityrc.json`: Unexpected `{}` for `rulez`, expected no such key')))
  assert.ok(lines.some((d) => d.startsWith('retext-credibility: cannot use config `id/.retext-credibilityrc.yml`: Unexpected `"puffery"` for `rules.puffery`')))
  assert.ok(lines.some((d) => d.startsWith('retext-credibility: cannot use config `syntax/.retext-credibilityrc.json`: ')))
  assert.match(human.stdout, /^good\/a\.md$/m, 'files under a valid config are reported')
  assert.doesNotMatch(human.stdout, /bad\/a\.md/, 'files that were not linted are not reported as clean')

  assert.equal(sarif.code, 2)
  const log = JSON.parse(sarif.stdout)
  assertValidSarif(log)
  const invocation = log.runs[0].invocations[0]
  assert.equal(invocation.executionSuccessful, false)
  assert.equal(invocation.toolConfigurationNotifications.length, 4)
  assert.ok(invocation.toolConfigurationNotifications.some((d) => d.message.text.includes('sometimes')))
  assert.deepEqual(
    [...new Set(log.runs[0].results.map((d) => d.ruleId))],
    ['promotional', 'vague-sourcing'],
    'folders whose files were not linted are not "empty folders"'
  )

  assert.equal(missing.code, 2)
  assert.equal(missing.stderr, 'retext-credibility: cannot use config `nope.json`: no such file (ENOENT) (1 file not linted)\n')
})

test('ignore files and --ignore-pattern skip files, also when they are named explicitly', async () => {
  const folder = tree({
    '.retext-credibilityignore': '# generated\nvendor/\n*.draft.md\n',
    'a.md': samples.markdown,
    'post.draft.md': samples.markdown,
    'vendor/lib.md': samples.markdown,
    'notes/todo.md': samples.markdown,
    'notes/keep.txt': samples.text
  })
  const [all, pattern, named] = await Promise.all([
    run(['.', '--report', 'json'], {cwd: folder}),
    run(['.', '--ignore-pattern', 'notes/*.md', '--ignore-pattern', 'a.md', '--report', 'json'], {cwd: folder}),
    run(['post.draft.md', 'vendor/lib.md', 'a.md', '--report', 'json'], {cwd: folder})
  ])
  assert.deepEqual(
    json(all).map((d) => d.path),
    ['a.md', 'notes/keep.txt', 'notes/todo.md']
  )
  assert.deepEqual(
    json(pattern).map((d) => d.path),
    ['notes/keep.txt']
  )
  assert.deepEqual(
    json(named).map((d) => d.path),
    ['a.md']
  )
})

test('inline suppression through the CLI: ignore, disable/enable ranges, several ids, all rules, unused ones at info', async () => {
  const folder = tree({
    'ignore.md': '<!-- retext-credibility ignore promotional -->\nOur cutting-edge app shipped. Experts say it works.\n\nOur cutting-edge app shipped again.\n',
    'range.md':
      '<!-- retext-credibility disable promotional vague-sourcing -->\n\nOur cutting-edge app. Experts say so.\n\n<!-- retext-credibility enable promotional -->\n\nA world-class hotel. Critics argue otherwise.\n',
    'all.html': '<!-- retext-credibility disable -->\n<p>Our cutting-edge app. Experts say so.</p>\n',
    'unused.md': '<!-- retext-credibility ignore vague-sourcing -->\nThe council met on Tuesday.\n\n<!-- retext-credibility ignore nonsense -->\nText.\n'
  })
  const result = await run(['.', '--report', 'json'], {cwd: folder})
  const report = json(result)
  assert.deepEqual(
    messagesOf(report, 'ignore.md').map((d) => [d.line, d.ruleId]),
    [
      [2, 'vague-sourcing'],
      [4, 'promotional']
    ]
  )
  assert.deepEqual(
    messagesOf(report, 'range.md').map((d) => d.actual),
    ['world-class']
  )
  assert.deepEqual(messagesOf(report, 'all.html'), [])
  const unused = messagesOf(report, 'unused.md')
  assert.deepEqual(
    unused.map((d) => [d.line, d.ruleId, d.fatal]),
    [
      [1, 'unused-suppression', undefined],
      [4, 'unknown-control-rule', false],
      [4, 'unused-suppression', undefined]
    ]
  )
})

test('front matter is not linted as prose', async () => {
  const folder = tree({'post.md': '---\ntitle: A world-class, cutting-edge launch\ndescription: Experts say it is great\n---\n\nThe council met on Tuesday.\n'})
  const result = await run(['post.md', '--report', 'json'], {cwd: folder})
  assert.deepEqual(messagesOf(json(result), 'post.md'), [])
})
