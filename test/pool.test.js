// The CLI's worker pool, cache and shards (src/cli/pool.ts): results must not depend on threads or on the cache.
import assert from 'node:assert/strict'
import {existsSync, readFileSync, readdirSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, it} from 'node:test'
import {createLinter, inShard} from '../dist/src/cli/pool.js'
import {json, run, tree} from './fixtures/cli-helpers.js'
import {random} from './helpers.js'


const findings = [
  'Experts say the bridge will last a century.',
  'Studies show that the new diet works.',
  'According to a recent report, sales doubled.',
  'It is widely believed that the harbour is safe.',
  'Critics argue the vote was rushed.',
  'Our cutting-edge, world-class app made waves this week.',
  'The resort, nestled in the heart of the valley, is a must-see.',
  'The boats will be built by a local yard.',
  'The report was written by the committee and the results were hidden.',
  'Notwithstanding the aforementioned organizational considerations, the implementation of comprehensive infrastructure necessitates unprecedented interdepartmental collaboration.'
]
const plain = [
  'The council met on Tuesday and approved the minutes.',
  'The ferry leaves at nine and returns at five.',
  'Rain is expected in the north.',
  'She counted forty-one cancellations last year, according to the harbour authority’s 2023 report.'
]

/** Generate `count` documents (Markdown, HTML and text) with known findings mixed into plain sentences. */
function generateFiles(count, seed = 42) {
  const next = random(seed)
  const pick = (list) => list[Math.floor(next() * list.length)]
  const sentences = (n) => Array.from({length: n}, () => (next() < 0.4 ? pick(findings) : pick(plain))).join(' ')
  const files = {}
  for (let index = 0; index < count; index++) {
    const kind = index % 3
    const paragraphs = Array.from({length: 2 + Math.floor(next() * 6)}, () => sentences(1 + Math.floor(next() * 5)))
    if (kind === 0) {
      files['docs/part-' + index + '/page-' + index + '.md'] = '# Page ' + index + '\n\n' + paragraphs.join('\n\n') + '\n\n- ' + pick(findings) + '\n- [a link](https://example.com/' + index + ')\n'
    } else if (kind === 1) {
      files['docs/page-' + index + '.html'] = '<html><body>' + paragraphs.map((d) => '<p>' + d + '</p>').join('\n') + '</body></html>\n'
    } else {
      files['notes/page-' + index + '.txt'] = paragraphs.join('\n\n') + '\n'
    }
  }

  return files
}

/** Jobs as the CLI makes them, with a few different option sets. */
function jobsOf(files) {
  const optionSets = [{}, {rules: {passive: 'off'}}, {rules: {promotional: 'error', readability: 'off'}}, {flag: {promotional: ['made waves']}, ignore: ['Experts say']}, {format: 'text'}]
  return Object.entries(files).map(([path, value], index) => ({path, value, options: optionSets[index % optionSets.length]}))
}

async function lintAll(linter, jobs) {
  try {
    return await Promise.all(jobs.map((job) => linter.lint(job)))
  } finally {
    await linter.close()
  }
}

/** Messages as plain JSON, as reporters and the cache see them. */
function normal(value) {
  return JSON.parse(JSON.stringify(value))
}

const cacheless = {cache: false, cacheLocation: '/nonexistent', cwd: process.cwd()}

describe('worker pool', () => {
  it('gives the same messages, in the same order, as one thread', async () => {
    const jobs = jobsOf(generateFiles(30))
    const single = await lintAll(createLinter({...cacheless, jobs: 1}), jobs)
    const pooled = await lintAll(createLinter({...cacheless, jobs: 3}), jobs)
    assert.ok(single.flat().length > 50, 'the generated set has findings: ' + single.flat().length)
    assert.ok(new Set(single.flat().map((d) => d.ruleId)).size >= 4, 'of several rules')
    assert.deepEqual(pooled, single)
  })

  it('passes errors back intact (name, message, code), like one thread', async () => {
    const job = {path: 'a.md', value: 'Experts say hi.', options: {rules: {promotional: 'loud'}}}
    const errors = []
    for (const jobs of [1, 2]) {
      const linter = createLinter({...cacheless, jobs})
      try {
        await assert.rejects(linter.lint(job), (error) => {
          errors.push({name: error.name, message: error.message, code: error.code})
          return true
        })
        // The pool still works after a failed job.
        assert.ok((await linter.lint({path: 'b.md', value: 'Experts say hi.', options: {}})).length > 0)
      } finally {
        await linter.close()
      }
    }

    assert.equal(errors[0].name, 'ConfigError')
    assert.deepEqual(errors[1], errors[0])
  })

  it('CLI: `--jobs 1` and `--jobs 3` print the same reports', async () => {
    const folder = tree(generateFiles(24, 7))
    for (const report of ['json', 'human']) {
      const one = await run(['docs', 'notes', '--jobs', '1', '--report', report], {cwd: folder})
      const three = await run(['docs', 'notes', '--jobs', '3', '--report', report], {cwd: folder})
      assert.equal(three.code, one.code)
      assert.equal(three.stderr, one.stderr)
      assert.equal(three.stdout, one.stdout)
      if (report === 'json') assert.equal(json(one).length, 24)
    }
  })
})

describe('cache', () => {
  const job = {path: 'docs/a.md', value: '# A\n\nExperts say it works. Our cutting-edge app is world-class.\n', options: {}}

  /** A cached linter in a fresh folder; `lint` lints one job and closes. */
  function setup(extra = {}) {
    const folder = tree({})
    const location = join(folder, '.retext-credibility-cache')
    const lintOnce = async (theJob, options = {}) => {
      const linter = createLinter({jobs: 1, cache: true, cacheLocation: location, cwd: folder, ...extra, ...options})
      try {
        return await linter.lint(theJob)
      } finally {
        await linter.close()
      }
    }

    return {folder, location, lintOnce}
  }

  /** The cache file of a cache folder. */
  const cacheFile = (location) => join(location, 'results.json')

  /** Paths that have an entry in the cache file. */
  function entries(location) {
    return Object.keys(JSON.parse(readFileSync(cacheFile(location), 'utf8')).entries)
  }

  /** Replace the messages of every cache entry with a sentinel: a later result with the sentinel came from the cache. */
  function plant(location) {
    const data = JSON.parse(readFileSync(cacheFile(location), 'utf8'))
    for (const entry of Object.values(data.entries)) entry.messages = [{reason: 'from the cache', ruleId: 'sentinel'}]
    writeFileSync(cacheFile(location), JSON.stringify(data))
  }

  const fromCache = (messages) => messages.length === 1 && messages[0].reason === 'from the cache'

  it('returns the same messages as no cache, and stores them', async () => {
    const {location, lintOnce} = setup()
    const fresh = await lintAll(createLinter({...cacheless, jobs: 1}), [job])
    const first = await lintOnce(job)
    const second = await lintOnce(job)
    assert.deepEqual(normal(first), normal(fresh[0]))
    assert.deepEqual(normal(second), normal(fresh[0]), 'a real hit gives the same messages')
    assert.equal(entries(location).length, 1)
    assert.equal(readFileSync(join(location, '.gitignore'), 'utf8').trim().split('\n').at(-1), '*', 'the folder ignores itself in git')
    assert.deepEqual(
      readdirSync(location).filter((d) => d.endsWith('.tmp')),
      [],
      'no temporary files left'
    )
  })

  it('hits when content, config and version are unchanged (config keys in any order)', async () => {
    const {location, lintOnce} = setup()
    const options = {rules: {passive: 'off', promotional: 'error'}, ignore: ['x']}
    await lintOnce({...job, options})
    plant(location)
    assert.ok(fromCache(await lintOnce({...job, options})))
    assert.ok(fromCache(await lintOnce({...job, options: {ignore: ['x'], rules: {promotional: 'error', passive: 'off'}}})), 'same config, other key order')
  })

  it('misses when the content changes', async () => {
    const {location, lintOnce} = setup()
    await lintOnce(job)
    plant(location)
    const changed = await lintOnce({...job, value: job.value + '\nStudies show it.\n'})
    assert.ok(!fromCache(changed))
    assert.ok(changed.some((d) => d.actual === 'Studies show'))
    assert.equal(entries(location).length, 1, 'one entry per path: the new content replaces the old')
  })

  it('misses when the config changes', async () => {
    const {location, lintOnce} = setup()
    await lintOnce(job)
    plant(location)
    const changed = await lintOnce({...job, options: {rules: {promotional: 'off'}}})
    assert.ok(!fromCache(changed))
    assert.ok(changed.every((d) => d.ruleId !== 'promotional'))
    assert.ok(!fromCache(await lintOnce({...job, options: {format: 'text'}})), 'the format is config too')
  })

  it('misses when the package version changes', async () => {
    const {location, lintOnce} = setup()
    await lintOnce(job, {version: '1.0.0'})
    plant(location)
    assert.ok(fromCache(await lintOnce(job, {version: '1.0.0'})))
    assert.ok(!fromCache(await lintOnce(job, {version: '1.0.1'})))
  })

  it('misses when the path changes', async () => {
    const {location, lintOnce} = setup()
    await lintOnce(job)
    plant(location)
    assert.ok(!fromCache(await lintOnce({...job, path: 'docs/b.md'})))
  })

  it('ignores a corrupt cache file or entry, then repairs it', async () => {
    const {location, lintOnce} = setup()
    const expected = normal(await lintOnce(job))
    const good = readFileSync(cacheFile(location), 'utf8')
    const data = JSON.parse(good)
    const [path] = Object.keys(data.entries)
    const withEntry = (entry) => JSON.stringify({...data, entries: {[path]: entry}})
    const entry = data.entries[path]
    const corrupt = [
      '',
      'not json',
      good.slice(0, Math.floor(good.length / 2)),
      'null',
      '[]',
      '{"schema":2}',
      JSON.stringify({...data, entries: []}),
      JSON.stringify({...data, schema: 1}),
      withEntry(null),
      withEntry({...entry, key: 'other'}),
      withEntry({...entry, messages: 'nope'}),
      withEntry({...entry, messages: [{reason: 3}]}),
      withEntry({...entry, messages: [{reason: 'x', place: {start: {line: 'a'}}}]}),
      withEntry({...entry, messages: [{reason: 'x', expected: [1]}]})
    ]
    for (const value of corrupt) {
      writeFileSync(cacheFile(location), value)
      assert.deepEqual(normal(await lintOnce(job)), expected, 'corrupt cache ' + JSON.stringify(value.slice(0, 60)))
      assert.equal(readFileSync(cacheFile(location), 'utf8'), good, 'the cache is rewritten')
    }
  })

  it('keeps the entries of paths a run did not lint, and writes nothing when nothing changed', async () => {
    const {location, lintOnce} = setup()
    await lintOnce(job)
    await lintOnce({...job, path: 'docs/b.md'})
    assert.deepEqual(entries(location).sort(), ['docs/a.md', 'docs/b.md'])
    plant(location)
    const planted = readFileSync(cacheFile(location), 'utf8')
    assert.ok(fromCache(await lintOnce(job)))
    assert.equal(readFileSync(cacheFile(location), 'utf8'), planted, 'a run of hits leaves the file as it was')
  })

  it('lints without caching when the cache folder cannot be made', async () => {
    const folder = tree({'blocker': 'a file where the cache folder would be'})
    const linter = createLinter({jobs: 1, cache: true, cacheLocation: join(folder, 'blocker', 'cache'), cwd: folder})
    const [messages] = await lintAll(linter, [job])
    assert.ok(messages.length > 0)
  })

  it('works with workers', async () => {
    const folder = tree({})
    const location = join(folder, 'cache')
    const jobs = jobsOf(generateFiles(12, 3))
    const options = {jobs: 2, cache: true, cacheLocation: location, cwd: folder}
    const expected = await lintAll(createLinter({...cacheless, jobs: 1}), jobs)
    assert.deepEqual(normal(await lintAll(createLinter(options), jobs)), normal(expected), 'cold')
    assert.equal(entries(location).length, 12)
    assert.deepEqual(normal(await lintAll(createLinter(options), jobs)), normal(expected), 'warm')
  })

  it('CLI: `--cache` reuses results of unchanged files and relints changed files and config', async () => {
    const folder = tree({
      'docs/a.md': '# A\n\nExperts say it works. Our cutting-edge app is world-class.\n',
      'docs/b.md': 'Studies show that this revolutionary diet works.\n'
    })
    const args = ['docs', '--cache', '--cache-location', '.cache', '--report', 'json', '--jobs', '2']
    const uncached = await run(['docs', '--report', 'json'], {cwd: folder})
    const cold = await run(args, {cwd: folder})
    const warm = await run(args, {cwd: folder})
    assert.equal(cold.stdout, uncached.stdout)
    assert.equal(warm.stdout, uncached.stdout)
    assert.equal(warm.code, uncached.code)
    assert.equal(entries(join(folder, '.cache')).length, 2)

    plant(join(folder, '.cache'))
    const planted = json(await run(args, {cwd: folder}))
    assert.ok(planted.every((d) => d.messages.length === 1 && d.messages[0].reason === 'from the cache'), 'unchanged files come from the cache')

    writeFileSync(join(folder, 'docs/b.md'), 'Studies show that this diet works.\n')
    const edited = json(await run(args, {cwd: folder}))
    assert.equal(edited.find((d) => d.path.endsWith('a.md')).messages[0].reason, 'from the cache')
    assert.ok(edited.find((d) => d.path.endsWith('b.md')).messages.some((d) => d.ruleId === 'vague-sourcing'), 'the edited file is linted again')

    writeFileSync(join(folder, '.retext-credibilityrc.json'), JSON.stringify({rules: {promotional: 'off'}}))
    const reconfigured = json(await run(args, {cwd: folder}))
    const a = reconfigured.find((d) => d.path.endsWith('a.md')).messages
    assert.ok(a.length > 0 && a.every((d) => d.reason !== 'from the cache' && d.ruleId !== 'promotional'), 'a config change relints')
  })
})

describe('shards', () => {
  const paths = Object.keys(generateFiles(300, 11)).concat(['README.md', 'a b/c.md', 'ünïcode/页面.md'])

  it('are disjoint and together cover every file, for any count', () => {
    for (const count of [1, 2, 3, 4, 7]) {
      const seen = new Map()
      for (let index = 1; index <= count; index++) {
        for (const path of paths) {
          if (inShard(path, {index, count})) seen.set(path, [...(seen.get(path) ?? []), index])
        }
      }

      assert.equal(seen.size, paths.length, count + ' shards cover every file')
      for (const [path, shards] of seen) assert.equal(shards.length, 1, path + ' is in one of ' + count + ' shards, not ' + shards)
      if (count > 1) {
        const sizes = Array.from({length: count}, (_, i) => paths.filter((path) => inShard(path, {index: i + 1, count})).length)
        assert.ok(Math.min(...sizes) > 0, 'no empty shard of ' + count + ': ' + sizes)
      }
    }
  })

  it('are stable: by path only, across calls, separators and runs', () => {
    for (const path of paths) {
      const shard = {index: 2, count: 3}
      const first = inShard(path, shard)
      assert.equal(inShard(path, shard), first)
      assert.equal(inShard('./' + path, shard), first, './' + path)
      assert.equal(inShard(path.replaceAll('/', '\\'), shard), first, 'backslashes')
    }

    // A fixed split: changing the hash would reshuffle every CI matrix.
    const snapshot = ['README.md', 'docs/index.md', 'docs/guide/setup.md', 'a.md', 'b.md', 'c.html', 'notes/x.txt'].map(
      (path) => [1, 2, 3, 4].find((index) => inShard(path, {index, count: 4}))
    )
    assert.deepEqual(snapshot, SNAPSHOT)
  })
})

const SNAPSHOT = [4, 2, 3, 3, 1, 1, 3]
