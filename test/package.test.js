// Packaging is tested like a published library: publint, are-the-types-wrong,
// and the packed tarball installed into a scratch project, imported, and its bin run.
import assert from 'node:assert/strict'
import {execFileSync} from 'node:child_process'
import {mkdtempSync, readdirSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {test} from 'node:test'
import {fileURLToPath} from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const bin = (name) => join(root, 'node_modules', '.bin', name)
const run = (command, args, cwd) => execFileSync(command, args, {cwd, encoding: 'utf8', stdio: 'pipe', env: {...process.env, npm_config_update_notifier: 'false'}})

test('publint finds no problems', () => {
  const output = run(bin('publint'), ['--strict'], root)
  assert.doesNotMatch(output, /error|warning/i, output)
})

test('are-the-types-wrong: types resolve for ESM consumers', () => {
  // attw exits non-zero on any problem the ESM-only profile does not ignore.
  const output = run(bin('attw'), ['--pack', '.', '--profile', 'esm-only', '--format', 'ascii'], root)
  assert.doesNotMatch(output, /❌|💀/u, output)
})

test('the packed tarball installs and imports from JavaScript and TypeScript', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'retext-credibility-pack-'))
  try {
    run('npm', ['pack', '--pack-destination', scratch, '--silent'], root)
    const tarball = readdirSync(scratch).find((name) => name.endsWith('.tgz'))
    assert.ok(tarball, 'npm pack made a tarball')
    writeFileSync(join(scratch, 'package.json'), JSON.stringify({name: 'scratch', private: true, type: 'module'}))
    // Dependencies come from the npm cache that `npm ci` filled: no network.
    run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', join(scratch, tarball), 'typescript@' + require('typescript'), '@types/node@' + require('@types/node')], scratch)
    // HTML support is loaded on first use through the package's `#load-html` import: it must resolve from the tarball.
    writeFileSync(
      join(scratch, 'use.js'),
      "import {lint} from 'retext-credibility'\nconst file = await lint('Experts say it is world-class.')\nconst html = await lint('<p>Experts say so.</p>', {format: 'html'})\nconsole.log(file.messages.map((m) => m.ruleId).join(' ') + ' | ' + html.messages.map((m) => m.ruleId + ' ' + m.column).join(' '))\n"
    )
    assert.equal(run(process.execPath, ['use.js'], scratch).trim(), 'vague-sourcing promotional | vague-sourcing 4')
    writeFileSync(
      join(scratch, 'use.ts'),
      "import {lint, retextCredibility, type LintOptions} from 'retext-credibility'\nimport type {VFile} from 'vfile'\nconst options: LintOptions = {format: 'html', rules: {promotional: 'error'}}\nconst file: VFile = await lint('<p>World-class.</p>', options)\nconst plugin: typeof retextCredibility = retextCredibility\nconsole.log(file.messages.length, typeof plugin)\n"
    )
    writeFileSync(join(scratch, 'tsconfig.json'), JSON.stringify({compilerOptions: {module: 'nodenext', target: 'es2022', strict: true, noEmit: true, skipLibCheck: false, types: ['node']}, files: ['use.ts']}))
    run(process.execPath, [join(scratch, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', '.'], scratch)
    // The bin is a bundle (`dist/cli/`) whose worker entry and HTML support are found next to its chunks: run the
    // installed one with workers on Markdown and HTML, so a layout the bundle does not match fails here.
    writeFileSync(join(scratch, 'a.md'), '# A\n\nExperts say it is world-class.\n')
    writeFileSync(join(scratch, 'b.html'), '<p>Studies show it works.</p>\n')
    const report = JSON.parse(run(join(scratch, 'node_modules', '.bin', 'retext-credibility'), ['a.md', 'b.html', '--jobs', '2', '--report', 'json'], scratch))
    assert.deepEqual(
      report.map((file) => file.path + ': ' + file.messages.map((message) => message.ruleId).join(' ')),
      ['a.md: vague-sourcing promotional', 'b.html: vague-sourcing']
    )
  } finally {
    rmSync(scratch, {recursive: true, force: true})
  }
})

function require(name) {
  return JSON.parse(execFileSync(process.execPath, ['-p', `JSON.stringify(require('${name}/package.json').version)`], {cwd: root, encoding: 'utf8'}))
}
