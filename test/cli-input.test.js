// Inputs of the CLI: stdin, forced formats, default paths, and every kind of bad input, through the real bin.
import assert from 'node:assert/strict'
import {randomBytes} from 'node:crypto'
import {chmodSync, symlinkSync} from 'node:fs'
import {join} from 'node:path'
import {test} from 'node:test'
import {json, messagesOf, ruleIds, run, samples, tree} from './fixtures/cli-helpers.js'

test('stdin: piped text is linted, its format given by flag or by --stdin-filename', async () => {
  const folder = tree({
    'docs/.retext-credibilityrc.json': JSON.stringify({rules: {'vague-sourcing': 'error'}}),
    '.retext-credibilityrc.json': JSON.stringify({rules: {'vague-sourcing': 'off'}})
  })
  const [plain, html, named, human] = await Promise.all([
    run(['--report', 'json'], {cwd: folder, input: 'Experts say the plan works.\n'}),
    run(['--stdin-format', 'html', '--report', 'json'], {cwd: folder, input: '<p>Experts <b>say</b> it is world-class.</p>'}),
    run(['--stdin-filename', 'docs/post.txt', '--report', 'json'], {cwd: folder, input: '# Experts say so\n'}),
    run([], {cwd: folder, input: 'Experts say the plan works.\n'})
  ])
  const [file] = json(plain)
  assert.equal(file.path, undefined)
  assert.deepEqual(ruleIds(file.messages), ['vague-sourcing'], 'stdin without a path uses the defaults, not the config of the working folder')
  assert.deepEqual(
    json(html)[0].messages.map((d) => [d.actual, d.column]),
    [
      ['Experts <b>say', 4],
      ['world-class', 29]
    ]
  )
  const [post] = json(named)
  assert.equal(post.path, 'docs/post.txt')
  assert.deepEqual(
    post.messages.map((d) => [d.actual, d.fatal, d.column]),
    [['Experts say', true, 3]],
    'config of docs/ applies; `.txt` means text, so `#` is prose'
  )
  assert.equal(named.code, 1)
  assert.match(human.stdout, /^<stdin>$/m)
})

test('stdin: nothing piped lints the current folder; --stdin-format with empty input reports an empty file', async () => {
  const folder = tree({'a.md': samples.markdown, 'sub/c.txt': samples.text})
  const [fallback, empty] = await Promise.all([run(['--report', 'json'], {cwd: folder}), run(['--stdin-format', 'md', '--report', 'json'], {cwd: folder})])
  assert.deepEqual(
    json(fallback).map((d) => d.path),
    ['a.md', 'sub/c.txt']
  )
  assert.deepEqual(
    json(empty)[0].messages.map((d) => [d.ruleId, d.fatal]),
    [['input-empty', undefined]]
  )
  assert.equal(empty.code, 0)
})

test('--format forces one format on every file', async () => {
  const folder = tree({'a.md': 'Our `cutting-edge` app made waves.\n'})
  const [markdown, text] = await Promise.all([run(['a.md', '--report', 'json'], {cwd: folder}), run(['a.md', '--format', 'txt', '--report', 'json'], {cwd: folder})])
  assert.deepEqual(
    json(markdown)[0].messages.map((d) => d.actual),
    ['made waves'],
    'inline code is not prose in Markdown'
  )
  assert.deepEqual(
    json(text)[0].messages.map((d) => d.actual),
    ['cutting-edge', 'made waves']
  )
})

test('bad input: each file gets one clear message, the others are still linted, the run fails', async () => {
  const latin1 = Buffer.from('Caf\u00e9 prices are world-class.\n', 'latin1')
  const folder = tree({
    'a.md': samples.markdown,
    'blob.md': Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00]), randomBytes(3000)]),
    'latin1.md': latin1,
    'utf16.txt': Buffer.from('\ufeffExperts say so.', 'utf16le'),
    'replacement.md': 'A \ufffd character is fine in UTF-8. Experts say so.\n',
    'empty.md': '',
    'blank.txt': '\n  \n\t\n',
    'rst-only/readme.rst': 'Not a format we lint.\n',
    'big.md': 'The council met on Tuesday and approved the minutes.\n\n'.repeat(200_000)
  })
  symlinkSync('loop.md', join(folder, 'loop.md'))
  const started = Date.now()
  const result = await run(['.', 'missing.md', 'rst-only', 'nothing/**/*.md', 'loop.md', '--report', 'json'], {cwd: folder})
  assert.ok(Date.now() - started < 15_000, 'a 10 MB file is refused quickly, not linted for minutes')
  assert.equal(result.code, 1)
  const report = json(result)
  const only = (name) => {
    const messages = messagesOf(report, name)
    assert.equal(messages.length, 1, name + ': ' + JSON.stringify(messages))
    return [messages[0].ruleId, messages[0].fatal, messages[0].reason]
  }

  assert.deepEqual(ruleIds(messagesOf(report, 'a.md')), ['promotional', 'promotional', 'vague-sourcing'])
  assert.deepEqual(ruleIds(messagesOf(report, 'replacement.md')), ['vague-sourcing'])
  assert.deepEqual(only('blob.md'), ['input-binary', true, 'Cannot lint binary file, it contains NUL bytes'])
  assert.deepEqual(only('latin1.md'), ['input-binary', true, 'Cannot lint file that is not valid UTF-8 (first bad byte near 1:4)'])
  assert.deepEqual(only('utf16.txt'), ['input-binary', true, 'Cannot lint UTF-16 file, only UTF-8 is supported'])
  assert.deepEqual(only('empty.md'), ['input-empty', undefined, 'Empty file, there is no text to lint'])
  assert.deepEqual(only('blank.txt'), ['input-empty', undefined, 'Empty file, there is no text to lint'])
  assert.deepEqual(only('big.md'), ['input-too-large', true, 'Cannot lint file of 10.3 MB, it is over the limit of 2.0 MB'])
  assert.deepEqual(only('missing.md'), ['input-missing', true, 'No such file or folder'])
  assert.deepEqual(only('rst-only'), ['input-no-files', true, 'No files to lint in folder'])
  assert.deepEqual(only('nothing/**/*.md'), ['input-no-files', true, 'No files to lint match glob'])
  assert.deepEqual(only('loop.md'), ['input-unreadable', true, 'Cannot read file: too many symbolic links (a link loop?) (ELOOP)'])
})

test('globs are expanded by the CLI (quoted, as in CI configs), and DEBUG shows the engine\'s own log', async () => {
  const folder = tree({'docs/a.md': samples.markdown, 'docs/deep/b.md': samples.markdown, 'docs/c.txt': samples.text, 'notes/d.md': samples.markdown})
  const [globbed, debug, quiet] = await Promise.all([
    run(['docs/**/*.md', '--report', 'json'], {cwd: folder}),
    run(['notes', '--report', 'json'], {cwd: folder, env: {DEBUG: 'unified-engine:*'}}),
    run(['notes', '--report', 'json'], {cwd: folder, env: {DEBUG: ''}})
  ])
  assert.deepEqual(
    json(globbed).map((file) => file.path),
    ['docs/a.md', 'docs/deep/b.md']
  )
  assert.match(debug.stderr, /unified-engine:file-pipeline:read/, 'the engine logs its steps through `debug` when asked')
  assert.deepEqual(json(debug), json(quiet), 'logging changes nothing else')
  assert.equal(quiet.stderr, '')
})

test('bad input: the human report names each problem on its file, with no stack trace', async () => {
  const folder = tree({'a.md': samples.markdown, 'tiny-limit.md': samples.markdown, 'secret.md': samples.markdown})
  const root = process.getuid?.() === 0
  if (!root) chmodSync(join(folder, 'secret.md'), 0o000)
  const result = await run(['a.md', 'missing.md', 'secret.md', '--max-file-size', '0.00001'], {cwd: folder})
  assert.equal(result.code, 1)
  assert.match(result.stdout, /^missing\.md\n\s+error\s+No such file or folder\s+input-missing\s+retext-credibility$/m)
  assert.match(result.stdout, /^a\.md\n\s+error\s+Cannot lint file of 0\.0 MB, it is over the limit of 0\.0 MB\s+input-too-large/m)
  if (!root) assert.match(result.stdout, /^secret\.md\n\s+error\s+Cannot read file: permission denied \(EACCES\)\s+input-unreadable/m)
})

test('a failure inside the linter is one error on that file, others are still linted; DEBUG shows the stack', async () => {
  const folder = tree({
    // A config whose getter throws when the linter reads it again: stands in for any bug at lint time.
    'odd/.retext-credibilityrc.mjs': 'let reads = 0\nexport default {\n  get ignore() {\n    if (reads++ > 0) throw new Error(`boom`)\n    return undefined\n  }\n}\n',
    'odd/a.md': samples.markdown,
    'fine/a.md': samples.markdown
  })
  const [plain, debug] = await Promise.all([
    run(['.', '--report', 'json'], {cwd: folder}),
    run(['odd', '-q'], {cwd: folder, env: {DEBUG: 'retext-credibility'}, stack: true})
  ])
  assert.equal(plain.code, 1)
  const report = json(plain)
  assert.deepEqual(
    messagesOf(report, 'odd/a.md').map((d) => [d.ruleId, d.fatal, d.reason]),
    [['input-crash', true, 'Cannot lint file, retext-credibility failed: boom']]
  )
  assert.equal(messagesOf(report, 'fine/a.md').length, 3)
  assert.match(debug.stderr, /^odd\/a\.md: Error: boom\n\s+at /, 'with DEBUG, the stack is printed for maintainers')
})
