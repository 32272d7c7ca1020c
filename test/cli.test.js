// The CLI's reporters, exit codes, help and usage errors, through the real bin.
import assert from 'node:assert/strict'
import {readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {test} from 'node:test'
import YAML from 'yaml'
import {assertValidSarif, json, messagesOf, root, ruleIds, run, samples, tree} from './fixtures/cli-helpers.js'

const docs = tree({'a.md': samples.markdown, 'b.html': samples.html, 'c.txt': samples.text, 'clean.md': samples.clean})

test('human report: positions, severities, rule ids and a summary on stdout', async () => {
  const result = await run(['a.md', 'clean.md'], {cwd: docs})
  assert.equal(result.code, 0)
  assert.equal(result.stderr, '')
  assert.match(result.stdout, /^a\.md$/m)
  assert.match(result.stdout, /3:5-3:17\s+warning\s+Unexpected .*`cutting-edge`.*promotional\s+retext-credibility/)
  assert.match(result.stdout, /3:44-3:55\s+warning\s+Unexpected vague attribution `Experts say`/)
  assert.match(result.stdout, /clean\.md: no issues found/)
  assert.match(result.stdout, /⚠ 3 warnings/)
  assert.doesNotMatch(result.stdout, /\u001B\[/, 'no colors when NO_COLOR is set')
})

test('human report: --verbose adds notes and doc links, --color forces colors', async () => {
  const [verbose, color] = await Promise.all([run(['a.md', '--verbose'], {cwd: docs}), run(['a.md', '--color'], {cwd: docs})])
  assert.match(verbose.stdout, /\[url\]:\n\s+https:\/\/github\.com\/retext-credibility\/retext-credibility\/blob\/main\/rules\/promotional\/readme\.md#promotional/)
  assert.match(verbose.stdout, /\[note\]:\n\s+\S/)
  assert.match(color.stdout, /\u001B\[33mwarning\u001B\[39m/)
})

test('json report: the vfile-reporter-json shape, for Markdown, HTML and text chosen by extension', async () => {
  const report = json(await run(['a.md', 'b.html', 'c.txt', 'clean.md', '--report', 'json'], {cwd: docs}))
  assert.deepEqual(
    report.map((d) => d.path),
    ['a.md', 'b.html', 'c.txt', 'clean.md']
  )
  for (const file of report) assert.deepEqual(Object.keys(file).sort(), ['cwd', 'history', 'messages', 'path'])
  const [first] = messagesOf(report, 'a.md')
  assert.match(first.reason, /^Unexpected .*`cutting-edge`/)
  assert.ok(Array.isArray(first.expected) && first.expected.length > 0)
  assert.ok(first.note.length > 10)
  assert.deepEqual(first, {
    column: 5,
    fatal: false,
    line: 3,
    place: {start: {line: 3, column: 5, offset: 14}, end: {line: 3, column: 17, offset: 26}},
    reason: first.reason,
    ruleId: 'promotional',
    source: 'retext-credibility',
    actual: 'cutting-edge',
    expected: first.expected,
    note: first.note,
    url: 'https://github.com/retext-credibility/retext-credibility/blob/main/rules/promotional/readme.md#promotional'
  })
  assert.deepEqual(ruleIds(messagesOf(report, 'b.html')), ['promotional', 'promotional', 'vague-sourcing'])
  assert.ok(messagesOf(report, 'b.html').every((d) => d.line === 1))
  assert.deepEqual(ruleIds(messagesOf(report, 'c.txt')), ['promotional', 'vague-sourcing'])
  assert.deepEqual(messagesOf(report, 'clean.md'), [])
})

test('--quiet hides clean files, --silent shows only errors', async () => {
  const folder = tree({
    'a.md': samples.markdown,
    'clean.md': samples.clean,
    'bad.md': 'Buy it on [Amazon](https://www.amazon.com/dp/B000000000?tag=mysite-20). It is world-class.\n'
  })
  const [quiet, silent, silentSarif, silentGithub] = await Promise.all([
    run(['.', '--quiet', '--report', 'json'], {cwd: folder}),
    run(['.', '--silent', '--report', 'json'], {cwd: folder}),
    run(['.', '--silent', '--report', 'sarif'], {cwd: folder}),
    run(['.', '-S', '--report', 'github'], {cwd: folder})
  ])
  assert.deepEqual(
    json(quiet).map((d) => d.path),
    ['a.md', 'bad.md']
  )
  const errors = json(silent)
  assert.deepEqual(
    errors.map((d) => d.path),
    ['bad.md']
  )
  assert.ok(errors[0].messages.length > 0 && errors[0].messages.every((d) => d.fatal === true))
  assert.ok(JSON.parse(silentSarif.stdout).runs[0].results.every((d) => d.level === 'error'))
  assert.match(silentGithub.stdout, /^::error file=bad\.md/m)
  assert.doesNotMatch(silentGithub.stdout, /::warning/)
  for (const result of [quiet, silent, silentSarif, silentGithub]) assert.equal(result.code, 1)
})

test('sarif report: valid SARIF 2.1.0 with rule metadata, relative locations and fixes', async () => {
  const result = await run(['a.md', 'b.html', 'c.txt', '--report', 'sarif'], {cwd: docs})
  assert.equal(result.code, 0)
  const log = JSON.parse(result.stdout)
  assertValidSarif(log)
  assert.equal(log.version, '2.1.0')
  const [run_] = log.runs
  const driver = run_.tool.driver
  assert.equal(driver.name, 'retext-credibility')
  const promotional = driver.rules.find((d) => d.id === 'promotional')
  assert.deepEqual(promotional.defaultConfiguration, {level: 'warning'})
  assert.match(promotional.shortDescription.text, /Puffery/)
  assert.match(promotional.helpUri, /rules\/promotional\/readme\.md#promotional$/)
  const levels = Object.fromEntries(driver.rules.map((d) => [d.id, d.defaultConfiguration.level]))
  assert.equal(levels['affiliate-link-undisclosed'], 'error')
  assert.equal(levels['vague-sourcing-outlet'], 'note')
  assert.equal(levels['readability'], 'note')
  assert.equal(levels['passive'], 'note')
  for (const rule of driver.rules) assert.ok(rule.shortDescription.text && rule.helpUri.startsWith('https://'), rule.id)

  assert.equal(run_.results.length, 8)
  const first = run_.results[0]
  assert.equal(first.ruleId, 'promotional')
  assert.equal(driver.rules[first.ruleIndex].id, 'promotional')
  assert.equal(first.level, 'warning')
  assert.match(first.message.text, /^Unexpected .*`cutting-edge`/)
  assert.deepEqual(first.locations[0].physicalLocation, {
    artifactLocation: {uri: 'a.md', uriBaseId: '%SRCROOT%'},
    region: {startLine: 3, startColumn: 5, endLine: 3, endColumn: 17}
  })
  const [fix] = first.fixes
  const replacement = fix.artifactChanges[0].replacements[0]
  assert.equal(fix.description.text, 'Replace with `' + replacement.insertedContent.text + '`')
  assert.deepEqual(replacement.deletedRegion, first.locations[0].physicalLocation.region)
  assert.match(first.partialFingerprints['retextCredibility/v1'], /^[\da-f]{20}$/)
  assert.deepEqual([...new Set(run_.results.map((d) => d.locations[0].physicalLocation.artifactLocation.uri))], ['a.md', 'b.html', 'c.txt'])
  assert.ok(run_.originalUriBaseIds['%SRCROOT%'].uri.startsWith('file:///'))
  assert.equal(run_.invocations[0].executionSuccessful, true)
})

test('github report: workflow commands with file, range and title; error and info map to ::error and ::notice', async () => {
  const folder = tree({
    'a b,c.md': samples.markdown,
    'aff.md': 'Buy it on [Amazon](https://www.amazon.com/dp/B000000000?tag=mysite-20).\n',
    'ignored.md': '<!-- retext-credibility ignore -->\nThe council met.\n'
  })
  const result = await run(['.', '--report', 'github'], {cwd: folder})
  assert.equal(result.code, 1)
  const lines = result.stdout.trim().split('\n')
  assert.ok(lines.every((d) => /^::(warning|error|notice) /.test(d)), result.stdout)
  assert.equal(
    lines[0].split('::').slice(0, 2).join('::'),
    '::warning file=a b%2Cc.md,line=3,col=5,endLine=3,endColumn=17,title=promotional (retext-credibility)'
  )
  assert.match(lines[0], /::Unexpected .*`cutting-edge`.*%0A.*%0Ahttps:\/\/github\.com\//)
  assert.ok(lines.some((d) => d.startsWith('::error file=aff.md,line=1,') && d.includes('title=affiliate-link-undisclosed')))
  assert.ok(lines.some((d) => d.startsWith('::notice file=ignored.md,line=1,col=1,') && d.includes('unused-suppression')))
})

test('github report: paths are relative to GITHUB_WORKSPACE when run below it', async () => {
  const folder = tree({'docs/a.md': samples.markdown})
  const result = await run(['a.md', '--report', 'github'], {cwd: join(folder, 'docs'), env: {GITHUB_WORKSPACE: folder}})
  assert.match(result.stdout, /^::warning file=docs\/a\.md,line=3,/)
})

test('several reports in one run: one on stdout, the others in files', async () => {
  const folder = tree({'a.md': samples.markdown})
  const result = await run(['a.md', '--report', 'github', '--report', 'sarif=out/results.sarif', '-r', 'json=report.json'], {cwd: folder})
  assert.equal(result.code, 0)
  assert.match(result.stdout, /^::warning file=a\.md/)
  assertValidSarif(JSON.parse(readFileSync(join(folder, 'out/results.sarif'), 'utf8')))
  assert.equal(JSON.parse(readFileSync(join(folder, 'report.json'), 'utf8'))[0].messages.length, 3)
})

test('exit codes: 0 clean or warnings, 1 errors, warnings with --frail or over --max-warnings', async () => {
  const folder = tree({
    'a.md': samples.markdown,
    'clean.md': samples.clean,
    'aff.md': 'Buy it on [Amazon](https://www.amazon.com/dp/B000000000?tag=mysite-20).\n'
  })
  const cases = [
    [['clean.md'], 0],
    [['clean.md', '--frail'], 0],
    [['a.md'], 0],
    [['a.md', '--frail'], 1],
    [['a.md', '-f'], 1],
    [['a.md', '--max-warnings', '3'], 0],
    [['a.md', '--max-warnings', '2'], 1],
    [['aff.md'], 1],
    [['a.md', '--jobs', '2', '--cache', '--cache-location', '.cache', '--frail'], 1]
  ]
  const results = await Promise.all(cases.map(([args]) => run(args, {cwd: folder})))
  for (const [index, [args, code]] of cases.entries()) assert.equal(results[index].code, code, args.join(' ') + '\n' + results[index].stdout)
  assert.equal(results[6].stderr, 'retext-credibility: 3 warnings, more than `--max-warnings 2`\n')
})

test('usage errors: exit 2 with one line naming the flag, never a stack trace', async () => {
  const cases = [
    [['--nope'], 'Unknown option `--nope`'],
    [['--report'], 'Missing value for `--report`'],
    [['--report', 'xml', 'a.md'], 'Unexpected `xml` for `--report`, expected `human`, `json`, `sarif`, `github`'],
    [['--format', 'rst', 'a.md'], 'Unexpected `rst` for `--format`, expected `md`, `html` or `txt`'],
    [['--max-warnings', 'many', 'a.md'], 'Unexpected `many` for `--max-warnings`'],
    [['--shard', '3/2', 'a.md'], 'Unexpected `3/2` for `--shard`'],
    [['--jobs', '1.5', 'a.md'], 'Unexpected `1.5` for `--jobs`'],
    [['--report', 'json', '--report', 'sarif', 'a.md'], 'Unexpected several reports on stdout'],
    [['--stdin-format', 'md', 'a.md'], 'Unexpected paths with `--stdin-format`'],
    [['--baseline', 'x.json', '--baseline-write', 'y.json'], 'Unexpected `--baseline` with `--baseline-write`'],
    [['--baseline-write', 'x.json', '--shard', '1/2'], 'Unexpected `--shard` with `--baseline-write`'],
    [['--quiet=yes'], 'Unexpected value for `--quiet`, it takes none']
  ]
  const results = await Promise.all(cases.map(([args]) => run(args, {cwd: docs})))
  for (const [index, [args, expected]] of cases.entries()) {
    const result = results[index]
    assert.equal(result.code, 2, args.join(' '))
    assert.equal(result.stdout, '', args.join(' '))
    assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr)
    assert.ok(result.stderr.startsWith('retext-credibility: ' + expected), result.stderr)
  }
})

test('--help matches the golden text and --version prints the package version', async () => {
  const [help, short, version] = await Promise.all([run(['--help']), run(['-h']), run(['--version'])])
  const golden = readFileSync(join(root, 'test/fixtures/cli-help.txt'), 'utf8')
  assert.equal(help.code, 0)
  assert.equal(help.stdout, golden)
  assert.equal(short.stdout, golden)
  assert.equal(version.stdout, JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version + '\n')
  const docs = readFileSync(join(root, 'README.md'), 'utf8')
  for (const flag of golden.match(/--[a-z-]+/g)) assert.match(docs, new RegExp('[`\\s]' + flag + '(?![a-z-])'), flag + ' is documented in README.md')
})

test('examples/ci: valid YAML that calls the published bin with flags that exist', () => {
  const golden = readFileSync(join(root, 'test/fixtures/cli-help.txt'), 'utf8')
  const folder = join(root, 'examples/ci')
  const files = readdirSync(folder)
  assert.deepEqual(files.sort(), ['.pre-commit-hooks.yaml', 'credibility.yml', 'pre-commit-config.yaml'])
  const commands = []
  const collect = (value) => {
    if (typeof value === 'string' && /^(npx )?retext-credibility\b/m.test(value)) commands.push(value)
    else if (value && typeof value === 'object') for (const child of Object.values(value)) collect(child)
  }

  for (const name of files) collect(YAML.parse(readFileSync(join(folder, name), 'utf8')))
  assert.ok(commands.filter((d) => d.includes('--')).length >= 3, commands.join('\n'))
  for (const flag of commands.join(' ').match(/--[a-z-]+/g)) assert.match(golden, new RegExp('\\s' + flag + '(?![a-z-])'), flag)

  const workflow = YAML.parse(readFileSync(join(folder, 'credibility.yml'), 'utf8'))
  const steps = workflow.jobs.credibility.steps
  const lint = steps.find((d) => d.run?.includes('npx retext-credibility'))
  assert.match(lint.run, /--report github/)
  assert.match(lint.run, /--report sarif=retext-credibility\.sarif/)
  const upload = steps.find((d) => d.uses?.startsWith('github/codeql-action/upload-sarif'))
  assert.equal(upload.with.sarif_file, 'retext-credibility.sarif')
  assert.equal(workflow.permissions['security-events'], 'write')
  const hooks = YAML.parse(readFileSync(join(folder, '.pre-commit-hooks.yaml'), 'utf8'))
  assert.ok(hooks.every((d) => d.entry.startsWith('retext-credibility') && d.language === 'node'))
})
