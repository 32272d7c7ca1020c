// The editor set-ups in examples/editors: the VS Code extension type-checks against @types/vscode and
// vscode-languageclient, and its manifest offers exactly the settings the server reads.
import assert from 'node:assert/strict'
import {execFileSync} from 'node:child_process'
import {readFileSync} from 'node:fs'
import {test} from 'node:test'
import {fileURLToPath} from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const tsc = fileURLToPath(new URL('../node_modules/typescript/bin/tsc', import.meta.url))
const vscodeDir = new URL('../examples/editors/vscode/', import.meta.url)

test('examples/editors/vscode: the extension type-checks', () => {
  try {
    execFileSync(process.execPath, [tsc, '-p', 'examples/editors/vscode'], {cwd: root, stdio: 'pipe', encoding: 'utf8'})
  } catch (error) {
    assert.fail('tsc: ' + error.stdout + error.stderr)
  }
})

test('examples/editors/vscode: settings and languages match the server', async () => {
  const manifest = JSON.parse(readFileSync(new URL('package.json', vscodeDir), 'utf8'))
  const settings = Object.keys(manifest.contributes.configuration.properties)
  const {defaultSettings, settingsSection} = await import('../dist/src/language-server/client-settings.js')
  assert.deepEqual(settings.sort(), Object.keys(defaultSettings).map((key) => settingsSection + '.' + key).sort())
  assert.deepEqual(manifest.activationEvents, ['onLanguage:markdown', 'onLanguage:html', 'onLanguage:plaintext'])
  const source = readFileSync(new URL('extension.ts', vscodeDir), 'utf8')
  assert.match(source, /\['markdown', 'html', 'plaintext'\]/)
  assert.match(source, /'retext-credibility-language-server'/, 'finds the server through the bin name')
})

test('examples/editors/helix: the snippet runs the bin with --stdio for markdown, html and text', () => {
  const toml = readFileSync(new URL('../examples/editors/helix/languages.toml', import.meta.url), 'utf8')
  assert.match(toml, /command = "retext-credibility-language-server"/)
  assert.match(toml, /args = \["--stdio"\]/)
  for (const language of ['markdown', 'html']) assert.match(toml, new RegExp(`name = "${language}"`))
})
