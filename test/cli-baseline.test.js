// Baselines (adopt the linter on an existing site, fail on new problems) and shards, through the real bin.
import assert from 'node:assert/strict'
import {readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {test} from 'node:test'
import {json, run, samples, tree} from './fixtures/cli-helpers.js'

test('baseline: record today, then report only new findings; unrelated edits keep fingerprints; duplicates are counted', async () => {
  const folder = tree({
    'docs/a.md': samples.markdown,
    'docs/dup.md': 'Experts say it works. The team agreed.\n\nExperts say it works.\n',
    'docs/blob.md': Buffer.from([0, 1, 2, 3]),
    'docs/clean.md': samples.clean
  })
  const write = await run(['docs', '--baseline-write', '.retext-credibility-baseline.json', '--frail'], {cwd: folder})
  assert.equal(write.code, 1, 'a binary file is a failure to fix, never recorded')
  assert.match(write.stdout, /blob\.md\n\s+error\s+Cannot lint binary file/)
  assert.doesNotMatch(write.stdout, /warning/, 'recorded findings are not reported')
  assert.equal(write.stderr, 'retext-credibility: wrote 5 findings to baseline `.retext-credibility-baseline.json`\n')
  const baseline = JSON.parse(readFileSync(join(folder, '.retext-credibility-baseline.json'), 'utf8'))
  assert.deepEqual(Object.keys(baseline.files), ['docs/a.md', 'docs/dup.md'])
  assert.deepEqual(
    baseline.files['docs/dup.md'].map((d) => [d.ruleId, d.actual, d.count]),
    [['vague-sourcing', 'Experts say', 2]]
  )

  // Unrelated edits: a new first paragraph, re-wrapped lines, extra spaces, another sentence changed.
  writeFileSync(join(folder, 'docs/a.md'), '# Launch\n\nA short intro that says nothing much.\n\nOur  cutting-edge app made waves\nthis week.   Experts say it is the future.\n')
  writeFileSync(join(folder, 'docs/dup.md'), 'Intro.\n\nExperts say it works. The team disagreed.\n\nExperts say it works.\n')
  const unrelated = await run(['docs', '--ignore-pattern', 'blob.md', '--baseline', '.retext-credibility-baseline.json', '--frail', '--report', 'json'], {cwd: folder})
  assert.equal(unrelated.code, 0, unrelated.stdout)
  assert.ok(json(unrelated).every((d) => d.messages.length === 0))
  assert.equal(unrelated.stderr, 'retext-credibility: 5 findings hidden by the baseline\n')

  // New problems: a new phrase, a third copy of a recorded sentence, and one recorded finding fixed.
  writeFileSync(join(folder, 'docs/a.md'), '# Launch\n\nOur cutting-edge app made waves this week. Experts say it is the future. It is world-class.\n')
  writeFileSync(join(folder, 'docs/dup.md'), 'Experts say it works.\n\nExperts say it works.\n\nExperts say it works.\n')
  writeFileSync(join(folder, 'docs/clean.md'), 'Critics argue the vote was rushed.\n')
  const fresh = await run(['docs', '--ignore-pattern', 'blob.md', '--baseline', '.retext-credibility-baseline.json', '--report', 'json'], {cwd: folder})
  assert.deepEqual(
    json(fresh).flatMap((file) => file.messages.map((d) => file.path + ':' + d.line + ':' + d.actual)),
    ['docs/a.md:3:world-class', 'docs/clean.md:1:Critics argue', 'docs/dup.md:5:Experts say']
  )

  // The baseline is keyed relative to its own folder, so it works from anywhere.
  const nested = await run(['.', '--baseline', '../.retext-credibility-baseline.json', '--ignore-pattern', 'blob.md', '--report', 'json'], {cwd: join(folder, 'docs')})
  assert.deepEqual(
    json(nested).flatMap((file) => file.messages.map((d) => file.path + ':' + d.actual)),
    ['a.md:world-class', 'clean.md:Critics argue', 'dup.md:Experts say']
  )

  // SARIF carries the same fingerprints, for code scanning to track findings across commits.
  const sarif = JSON.parse((await run(['docs/clean.md', '--report', 'sarif'], {cwd: folder})).stdout)
  const written = await run(['docs/clean.md', '--baseline-write', 'clean.json'], {cwd: folder})
  assert.equal(written.code, 0)
  assert.equal(
    sarif.runs[0].results[0].partialFingerprints['retextCredibility/v1'],
    JSON.parse(readFileSync(join(folder, 'clean.json'), 'utf8')).files['docs/clean.md'][0].fingerprint
  )
})

test('baseline: a missing or malformed baseline is a usage error', async () => {
  const folder = tree({'a.md': samples.markdown, 'bad.json': '{"version": 1, "files": [', 'odd.json': '{"version": 2}'})
  const results = await Promise.all(['none.json', 'bad.json', 'odd.json'].map((file) => run(['a.md', '--baseline', file], {cwd: folder})))
  assert.deepEqual(
    results.map((d) => d.code),
    [2, 2, 2]
  )
  assert.match(results[0].stderr, /^retext-credibility: Cannot read baseline `.*none\.json`, create it first with `--baseline-write none\.json`\n$/)
  assert.match(results[1].stderr, /^retext-credibility: Cannot parse baseline `.*bad\.json` as JSON: /)
  assert.match(results[2].stderr, /^retext-credibility: Unexpected content in baseline `.*odd\.json`/)
  for (const result of results) assert.equal(result.stdout, '')
})

test('shards: every file in exactly one shard, files outside it in no report', async () => {
  const files = Object.fromEntries(Array.from({length: 12}, (_, index) => ['docs/page-' + index + '.md', samples.markdown]))
  const folder = tree(files)
  const shards = await Promise.all([1, 2, 3].map((index) => run(['docs', 'missing.md', '--shard', index + '/3', '--report', 'json'], {cwd: folder})))
  const paths = shards.map((result) => json(result).map((d) => d.path))
  const all = paths.flat().sort()
  assert.deepEqual(all, [...Object.keys(files), 'missing.md'].sort(), 'each file once, across shards')
  assert.ok(
    paths.every((list) => list.length < 13),
    'no shard lints everything'
  )
  for (const [index, result] of shards.entries()) assert.equal(result.code, paths[index].includes('missing.md') ? 1 : 0)
})
