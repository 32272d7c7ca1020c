// End to end with a real editor: headless Neovim (Debian's 0.7.2 in CI) opens a Markdown file with
// the shipped Lua config, and the test reads back the diagnostics Neovim received, the quick fixes
// it was offered, and how a config change applied while it ran.
import assert from 'node:assert/strict'
import {spawn, spawnSync} from 'node:child_process'
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {test} from 'node:test'
import {fileURLToPath} from 'node:url'

const bin = fileURLToPath(new URL('../dist/src/language-server/bin.js', import.meta.url))
const luaDir = fileURLToPath(new URL('../examples/editors/neovim/lua/', import.meta.url))
const probe = spawnSync('nvim', ['--version'], {encoding: 'utf8'})
const nvim = probe.error ? undefined : probe.stdout.split('\n')[0]

const post = `# Launch

Our cutting-edge app made waves. Experts say so.
`

// Runs inside Neovim after it opened post.md: wait for diagnostics, ask for quick fixes at the
// first promotional one, apply the preferred fix, then turn promotional off in a config file.
const check = String.raw`
local out_path, rc_path = _G.out_path, _G.rc_path
local result = {nvim = tostring(vim.version().major) .. '.' .. tostring(vim.version().minor)}
local function snapshot()
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(0)) do
    local lsp = (d.user_data or {}).lsp or {}
    table.insert(list, {
      lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
      severity = d.severity, message = d.message, source = d.source,
      code = d.code or lsp.code,
      href = (lsp.codeDescription or {}).href or vim.NIL,
    })
  end
  table.sort(list, function(a, b) return a.lnum * 1000 + a.col < b.lnum * 1000 + b.col end)
  return list
end
local function has(code)
  for _, d in ipairs(vim.diagnostic.get(0)) do
    if d.code == code then return true end
  end
  return false
end
local function finish()
  vim.fn.writefile({vim.fn.json_encode(result)}, out_path)
  vim.cmd('qall!')
end

result.got_diagnostics = vim.wait(30000, function() return #vim.diagnostic.get(0) >= 3 end, 50)
result.diagnostics = snapshot()
result.clients = {}
local get_clients = vim.lsp.get_clients or vim.lsp.get_active_clients
for _, client in pairs(get_clients({bufnr = 0})) do table.insert(result.clients, client.name) end
if not result.got_diagnostics then return finish() end

-- Quick fixes at the first diagnostic, as vim.lsp.buf.code_action() would ask for them.
local first = vim.diagnostic.get(0, {lnum = 2})[1]
for _, d in ipairs(vim.diagnostic.get(0, {lnum = 2})) do
  if d.col < first.col then first = d end
end
local params = {
  textDocument = vim.lsp.util.make_text_document_params(),
  range = {start = {line = first.lnum, character = first.col}, ['end'] = {line = first.end_lnum, character = first.end_col}},
  -- Like vim.lsp.buf.code_action() in 0.7: every diagnostic on the cursor's line.
  context = {diagnostics = vim.tbl_map(function(d)
    return {
      range = {start = {line = d.lnum, character = d.col}, ['end'] = {line = d.end_lnum, character = d.end_col}},
      code = d.code, source = d.source, message = d.message, severity = d.severity,
    }
  end, vim.diagnostic.get(0, {lnum = first.lnum}))},
}
local responses = vim.lsp.buf_request_sync(0, 'textDocument/codeAction', params, 10000) or {}
result.actions = {}
local preferred
for _, response in pairs(responses) do
  for _, action in ipairs(response.result or {}) do
    table.insert(result.actions, {title = action.title, preferred = action.isPreferred == true})
    if action.isPreferred and not preferred then preferred = action end
  end
end
if preferred then
  vim.lsp.util.apply_workspace_edit(preferred.edit, 'utf-16')
  result.fixed_line = vim.api.nvim_buf_get_lines(0, 2, 3, false)[1]
  result.refreshed = vim.wait(15000, function()
    for _, d in ipairs(vim.diagnostic.get(0)) do
      if d.message:find('cutting-edge', 1, true) then return false end
    end
    return #vim.diagnostic.get(0) > 0
  end, 50)
end

-- A config file written while Neovim runs applies without a restart or an edit.
vim.fn.writefile({'{"rules": {"promotional": "off"}}'}, rc_path)
result.config_applied = vim.wait(15000, function() return not has('promotional') and has('vague-sourcing') end, 50)
result.after_config = snapshot()
finish()
`

test('Neovim with the shipped config shows diagnostics, offers quick fixes and follows config changes', nvim ? {} : {skip: 'nvim not installed (CI installs Debian’s neovim package)'}, async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'rc-nvim-'))
  t.after(() => rmSync(dir, {recursive: true, force: true}))
  const out = join(dir, 'out.json')
  writeFileSync(join(dir, 'post.md'), post)
  writeFileSync(join(dir, 'check.lua'), check)
  writeFileSync(
    join(dir, 'init.lua'),
    [
      `package.path = ${lua(luaDir + '?.lua')} .. ';' .. package.path`,
      `_G.out_path = ${lua(out)}`,
      `_G.rc_path = ${lua(join(dir, '.retext-credibilityrc.json'))}`,
      `require('retext-credibility').setup({cmd = {${lua(process.execPath)}, ${lua(bin)}, '--stdio'}})`
    ].join('\n') + '\n'
  )

  // Keep the user's own config, plugins, shada and LSP log out of it.
  const env = {...process.env, XDG_CONFIG_HOME: join(dir, 'config'), XDG_DATA_HOME: join(dir, 'data'), XDG_STATE_HOME: join(dir, 'state'), XDG_CACHE_HOME: join(dir, 'cache')}
  const child = spawn('nvim', ['--headless', '-n', '-i', 'NONE', '-u', join(dir, 'init.lua'), 'post.md', '-c', 'luafile check.lua'], {cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe']})
  let output = ''
  child.stdout.on('data', (chunk) => (output += chunk))
  child.stderr.on('data', (chunk) => (output += chunk))
  let timer
  const code = await Promise.race([
    new Promise((resolve) => child.once('exit', resolve)),
    new Promise((resolve) => (timer = setTimeout(resolve, 90_000, 'timeout')))
  ])
  clearTimeout(timer)
  if (code === 'timeout') child.kill('SIGKILL')
  assert.notEqual(code, 'timeout', 'Neovim finished: ' + output)

  const result = JSON.parse(readFileSync(out, 'utf8'))
  t.diagnostic(`${nvim}: ${result.diagnostics.length} diagnostics`)
  assert.deepEqual(result.clients, ['retext-credibility'])
  assert.ok(result.got_diagnostics, 'Neovim received diagnostics: ' + JSON.stringify(result) + output)

  const [cuttingEdge, madeWaves, experts] = result.diagnostics
  assert.deepEqual(
    result.diagnostics.map((d) => [d.code, d.lnum, d.col, d.end_lnum, d.end_col, d.severity]),
    [
      ['promotional', 2, 4, 2, 16, 2],
      ['promotional', 2, 21, 2, 31, 2],
      ['vague-sourcing', 2, 33, 2, 44, 2]
    ]
  )
  assert.equal(cuttingEdge.source, 'retext-credibility')
  assert.match(cuttingEdge.message, /^Unexpected promotional wording `cutting-edge`, use `new`, `modern` or `advanced` instead\n\S/)
  assert.match(madeWaves.href, /\/rules\/promotional\/readme\.md#promotional$/)
  assert.match(experts.href, /\/rules\/vague-sourcing\/readme\.md#vague-sourcing$/)

  assert.deepEqual(result.actions, [
    {title: 'Replace `cutting-edge` with `new`', preferred: true},
    {title: 'Replace `cutting-edge` with `modern`', preferred: false},
    {title: 'Replace `cutting-edge` with `advanced`', preferred: false}
  ])
  assert.equal(result.fixed_line, 'Our new app made waves. Experts say so.')
  assert.ok(result.refreshed, 'diagnostics follow the edit')

  assert.ok(result.config_applied, 'config change applied: ' + JSON.stringify(result.after_config))
  assert.deepEqual(
    result.after_config.map((d) => d.code),
    ['vague-sourcing']
  )
})

/** A Lua string literal. */
function lua(value) {
  return JSON.stringify(value)
}
