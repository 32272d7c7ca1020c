// The language server, driven over stdio by a real LSP client library (vscode-languageserver-protocol):
// initialize, open, change, code actions, config changes, null configuration answers, close.
import assert from 'node:assert/strict'
import {spawn} from 'node:child_process'
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {after, before, describe, test} from 'node:test'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {TextDocument} from 'vscode-languageserver-textdocument'
import {createProtocolConnection, StreamMessageReader, StreamMessageWriter} from 'vscode-languageserver-protocol/node'

const bin = fileURLToPath(new URL('../dist/src/language-server/bin.js', import.meta.url))
const docs = 'https://github.com/retext-credibility/retext-credibility/blob/main/rules/'
const shareasale = 'https://www.shareasale.com/r.cfm?b=1234&u=567890&m=4321'
const post = `# Launch

Our cutting-edge app made waves. Experts say it is a world-class tool.

The [Acme](${shareasale}) shop sells it.
`

/** A client session: the server process, a protocol connection, and what the server sent. */
function startClient(capabilities, {cwd, folders = true} = {}) {
  const dir = cwd ?? mkdtempSync(join(tmpdir(), 'rc-lsp-'))
  const child = spawn(process.execPath, [bin, '--stdio'], {cwd: dir, stdio: ['pipe', 'pipe', 'pipe']})
  let stderr = ''
  child.stderr.on('data', (chunk) => {
    stderr += chunk
  })
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin))
  const published = []
  const waiters = new Set()
  const configurationRequests = []
  const registrations = []
  const logs = []
  connection.onNotification('textDocument/publishDiagnostics', (params) => {
    published.push(params)
    for (const waiter of waiters) waiter()
  })
  connection.onNotification('window/logMessage', (params) => logs.push(params.message))
  // Answer like Neovim does for a section it has no settings for.
  connection.onRequest('workspace/configuration', (params) => {
    configurationRequests.push(params)
    return params.items.map(() => null)
  })
  connection.onRequest('client/registerCapability', (params) => {
    registrations.push(...params.registrations)
    return null
  })
  connection.listen()

  const session = {
    dir,
    child,
    connection,
    published,
    configurationRequests,
    registrations,
    logs,
    get stderr() {
      return stderr
    },
    uri: (name) => pathToFileURL(join(dir, name)).href,
    async initialize() {
      const rootUri = pathToFileURL(dir).href
      const result = await connection.sendRequest('initialize', {
        processId: process.pid,
        rootUri,
        ...(folders ? {workspaceFolders: [{uri: rootUri, name: 'test'}]} : {}),
        capabilities
      })
      await connection.sendNotification('initialized', {})
      return result
    },
    open(name, text, languageId = 'markdown', version = 1) {
      const uri = name.includes(':') ? name : session.uri(name)
      if (!name.includes(':')) {
        mkdirSync(dirname(join(dir, name)), {recursive: true})
        writeFileSync(join(dir, name), text)
      }
      void connection.sendNotification('textDocument/didOpen', {textDocument: {uri, languageId, version, text}})
      return uri
    },
    /** The next diagnostics for `uri` (published after `since`) that satisfy `check`. */
    diagnostics(uri, check = () => true, {since = 0, timeout = 15_000} = {}) {
      return new Promise((resolve, reject) => {
        const find = () => published.slice(since).find((d) => d.uri === uri && check(d))
        const found = find()
        if (found) return resolve(found)
        const timer = setTimeout(() => {
          waiters.delete(waiter)
          const seen = published.filter((d) => d.uri === uri).map((d) => d.diagnostics.map((x) => x.code))
          reject(new Error(`no matching diagnostics for ${uri}; saw ${JSON.stringify(seen)}; stderr: ${stderr}`))
        }, timeout)
        function waiter() {
          const match = find()
          if (match) {
            clearTimeout(timer)
            waiters.delete(waiter)
            resolve(match)
          }
        }

        waiters.add(waiter)
      })
    },
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)))
      await connection.sendRequest('shutdown')
      await connection.sendNotification('exit')
      let timer
      const code = await Promise.race([exited, new Promise((resolve) => (timer = setTimeout(resolve, 10_000, 'timeout')))])
      clearTimeout(timer)
      connection.dispose()
      if (code === 'timeout') child.kill()
      if (!cwd) rmSync(dir, {recursive: true, force: true})
      return code
    }
  }
  return session
}

function delay(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

const codes = (params) => params.diagnostics.map((d) => d.code)
const byCode = (params, code) => params.diagnostics.filter((d) => d.code === code)

/** What a client does with a workspace edit: apply it to its copy of the text. */
function applyEdit(text, uri, edit) {
  return TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 1, text), edit.changes[uri])
}

const fullCapabilities = {
  textDocument: {
    synchronization: {dynamicRegistration: false},
    publishDiagnostics: {relatedInformation: true, versionSupport: true, codeDescriptionSupport: true},
    codeAction: {codeActionLiteralSupport: {codeActionKind: {valueSet: ['quickfix']}}, isPreferredSupport: true}
  },
  workspace: {
    configuration: true,
    workspaceFolders: true,
    didChangeConfiguration: {dynamicRegistration: true},
    didChangeWatchedFiles: {dynamicRegistration: true}
  }
}

describe('language server over stdio', () => {
  let client
  let postUri

  before(async () => {
    client = startClient(fullCapabilities)
  })

  after(async () => {
    await client?.stop()
  })

  test('initialize: incremental sync, quick fixes, no formatting', async () => {
    const result = await client.initialize()
    assert.equal(result.serverInfo.name, 'retext-credibility-language-server')
    assert.deepEqual(result.capabilities.textDocumentSync, {openClose: true, change: 2})
    assert.deepEqual(result.capabilities.codeActionProvider, {codeActionKinds: ['quickfix']})
    assert.equal(result.capabilities.documentFormattingProvider, undefined)
  })

  test('open: diagnostics with rule code, source, link, severity, exact range and note', async () => {
    postUri = client.open('post.md', post)
    const params = await client.diagnostics(postUri)
    assert.equal(params.version, 1)
    for (const code of ['affiliate-link-undisclosed', 'promotional', 'vague-sourcing']) assert.ok(codes(params).includes(code), code)
    assert.equal(byCode(params, 'promotional').length, 3, 'cutting-edge, made waves, world-class')
    const [cuttingEdge] = byCode(params, 'promotional')
    assert.deepEqual(cuttingEdge.range, {start: {line: 2, character: 4}, end: {line: 2, character: 16}})
    assert.equal(cuttingEdge.source, 'retext-credibility')
    assert.equal(cuttingEdge.severity, 2)
    assert.equal(cuttingEdge.codeDescription.href, docs + 'promotional/readme.md#promotional')
    const [reason, note] = cuttingEdge.message.split('\n')
    assert.equal(reason, 'Unexpected promotional wording `cutting-edge`, use `new`, `modern` or `advanced` instead')
    assert.match(note, /^Describe what is new about it instead/)
    const [vague] = byCode(params, 'vague-sourcing')
    assert.deepEqual(vague.range, {start: {line: 2, character: 33}, end: {line: 2, character: 44}})
    const [link] = byCode(params, 'affiliate-link-undisclosed')
    assert.equal(link.severity, 1)
    assert.deepEqual(link.range, {start: {line: 4, character: 4}, end: {line: 4, character: 12 + shareasale.length}})
    assert.equal(link.codeDescription.href, docs + 'affiliate-link-undisclosed/readme.md#affiliate-link-undisclosed')
  })

  test('null workspace/configuration answers: the server asked, got null, and kept working', () => {
    assert.ok(client.configurationRequests.length > 0, 'the server asks for settings')
    assert.deepEqual(client.configurationRequests[0].items[0], {scopeUri: postUri, section: 'retext-credibility'})
    assert.equal(client.child.exitCode, null, 'the server is still running')
    assert.doesNotMatch(client.stderr, /TypeError|requireConfig/)
  })

  test('registers config-file watchers with the client', () => {
    const watched = client.registrations.find((d) => d.method === 'workspace/didChangeWatchedFiles')
    assert.ok(watched, 'asks the client to watch config files')
    const globs = watched.registerOptions.watchers.map((d) => d.globPattern)
    assert.ok(globs.includes('**/.retext-credibilityrc*'))
    assert.ok(globs.includes('**/.retext-credibilityignore'))
    assert.ok(globs.includes('**/package.json'))
  })

  test('code actions: each alternative, the first preferred', async () => {
    const params = await client.diagnostics(postUri)
    const [cuttingEdge] = byCode(params, 'promotional')
    const actions = await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: {uri: postUri},
      range: cuttingEdge.range,
      context: {diagnostics: [cuttingEdge], only: ['quickfix']}
    })
    assert.deepEqual(
      actions.map((d) => [d.title, d.kind, d.isPreferred ?? false]),
      [
        ['Replace `cutting-edge` with `new`', 'quickfix', true],
        ['Replace `cutting-edge` with `modern`', 'quickfix', false],
        ['Replace `cutting-edge` with `advanced`', 'quickfix', false]
      ]
    )
    assert.deepEqual(actions[0].edit.changes[postUri], [{range: cuttingEdge.range, newText: 'new'}])
    assert.deepEqual(actions[0].diagnostics, [cuttingEdge])
    assert.match(applyEdit(post, postUri, actions[0].edit), /^Our new app made waves\./m)
  })

  test('code actions: remove for `[\'\']`, without leaving a double space', async () => {
    const params = await client.diagnostics(postUri)
    const worldClass = byCode(params, 'promotional').find((d) => d.message.includes('world-class'))
    const actions = await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: {uri: postUri},
      range: worldClass.range,
      context: {diagnostics: [worldClass]}
    })
    assert.deepEqual(
      actions.map((d) => [d.title, d.isPreferred]),
      [['Remove `world-class`', true]]
    )
    assert.match(applyEdit(post, postUri, actions[0].edit), /it is a tool\./)
  })

  test('code actions: no fix for findings without one, none for other kinds', async () => {
    const params = await client.diagnostics(postUri)
    const [vague] = byCode(params, 'vague-sourcing')
    const none = await client.connection.sendRequest('textDocument/codeAction', {textDocument: {uri: postUri}, range: vague.range, context: {diagnostics: [vague]}})
    assert.deepEqual(none, [])
    const [cuttingEdge] = byCode(params, 'promotional')
    const source = await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: {uri: postUri},
      range: cuttingEdge.range,
      context: {diagnostics: [cuttingEdge], only: ['source.organizeImports']}
    })
    assert.deepEqual(source, [])
  })

  test('code actions: a range without context diagnostics (Neovim 0.7) still gets its fixes', async () => {
    const actions = await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: {uri: postUri},
      range: {start: {line: 2, character: 6}, end: {line: 2, character: 6}},
      context: {diagnostics: []}
    })
    assert.deepEqual(
      actions.map((d) => d.title),
      ['Replace `cutting-edge` with `new`', 'Replace `cutting-edge` with `modern`', 'Replace `cutting-edge` with `advanced`']
    )
  })

  let disclosed
  test('code actions: a standard disclosure inserted under the title clears the undisclosed link', async () => {
    const params = await client.diagnostics(postUri)
    const [link] = byCode(params, 'affiliate-link-undisclosed')
    const actions = await client.connection.sendRequest('textDocument/codeAction', {textDocument: {uri: postUri}, range: link.range, context: {diagnostics: [link]}})
    assert.deepEqual(
      actions.map((d) => [d.title, d.isPreferred]),
      [['Insert a standard affiliate disclosure at the top', true]]
    )
    const [edit] = actions[0].edit.changes[postUri]
    assert.deepEqual(edit.range, {start: {line: 1, character: 0}, end: {line: 1, character: 0}})
    disclosed = applyEdit(post, postUri, actions[0].edit)
    assert.ok(
      disclosed.startsWith('# Launch\n\nDisclosure: This post contains affiliate links, and we may earn a commission when you buy through them.\n\nOur cutting-edge app'),
      disclosed
    )

    // The client applies the edit and tells the server, which re-lints.
    const since = client.published.length
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: {uri: postUri, version: 2},
      contentChanges: [{range: edit.range, text: edit.newText}]
    })
    const next = await client.diagnostics(postUri, (d) => d.version === 2, {since})
    assert.ok(!codes(next).includes('affiliate-link-undisclosed'), JSON.stringify(codes(next)))
    const [found] = byCode(next, 'affiliate-disclosure')
    assert.equal(found.severity, 3, 'an info finding is Information')
    assert.equal(found.range.start.line, 2)
  })

  test('code actions: with an Amazon link, the disclosure carries Amazon\'s statement, which is also a fix of its own', async () => {
    const uri = client.open('amazon.md', '# Kettles\n\nBuy the [Aster](https://www.amazon.com/dp/B0ABC12345?tag=kb-20) today.\n')
    const params = await client.diagnostics(uri)
    const [link] = byCode(params, 'affiliate-link-undisclosed')
    const actions = await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: {uri},
      range: link.range,
      context: {diagnostics: params.diagnostics.filter((d) => d.code.startsWith('affiliate'))}
    })
    assert.deepEqual(
      actions.map((d) => [d.title, d.edit.changes[uri][0].newText]),
      [
        ['Insert a standard affiliate disclosure at the top', '\nDisclosure: This post contains affiliate links, and we may earn a commission when you buy through them. As an Amazon Associate we earn from qualifying purchases.\n'],
        ['Insert the Amazon Associates statement at the top', '\nAs an Amazon Associate we earn from qualifying purchases.\n']
      ]
    )
    await client.connection.sendNotification('textDocument/didClose', {textDocument: {uri}})
  })

  test('change: debounced, then diagnostics for the latest version only', async () => {
    const since = client.published.length
    // Three quick edits: delete `cutting-edge ` one step at a time.
    const line = disclosed.split('\n').indexOf('Our cutting-edge app made waves. Experts say it is a world-class tool.')
    for (const [version, text] of [
      [3, 'cutting-'],
      [4, 'edge'],
      [5, ' ']
    ]) {
      void client.connection.sendNotification('textDocument/didChange', {
        textDocument: {uri: postUri, version},
        contentChanges: [{range: {start: {line, character: 4}, end: {line, character: 4 + text.length}}, text: ''}]
      })
    }

    const params = await client.diagnostics(postUri, (d) => d.version === 5, {since})
    assert.deepEqual(
      client.published.slice(since).filter((d) => d.uri === postUri).map((d) => d.version),
      [5],
      'one lint after typing pauses'
    )
    assert.ok(!params.diagnostics.some((d) => d.message.includes('cutting-edge')))
    const [madeWaves] = byCode(params, 'promotional')
    assert.deepEqual(madeWaves.range, {start: {line, character: 8}, end: {line, character: 18}}, 'ranges follow the edit')
  })

  test('config change: a new .retext-credibilityrc.json applies after didChangeWatchedFiles', async () => {
    const rc = join(client.dir, '.retext-credibilityrc.json')
    writeFileSync(rc, JSON.stringify({rules: {promotional: 'off'}}))
    let since = client.published.length
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {changes: [{uri: pathToFileURL(rc).href, type: 1}]})
    const off = await client.diagnostics(postUri, () => true, {since})
    assert.ok(off.diagnostics.length > 0)
    assert.ok(!codes(off).some((d) => d.startsWith('promotional')), JSON.stringify(codes(off)))

    // A broken config is one clear error on the document, without a stack trace.
    writeFileSync(rc, JSON.stringify({rules: {promotional: 'of'}}))
    since = client.published.length
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {changes: [{uri: pathToFileURL(rc).href, type: 2}]})
    const broken = await client.diagnostics(postUri, () => true, {since})
    assert.equal(broken.diagnostics.length, 1)
    const [failure] = broken.diagnostics
    assert.equal(failure.severity, 1)
    assert.equal(failure.source, 'retext-credibility')
    assert.deepEqual(failure.range, {start: {line: 0, character: 0}, end: {line: 0, character: 0}})
    assert.match(failure.message, /\.retext-credibilityrc\.json/)
    assert.match(failure.message, /rules\.promotional/)
    assert.doesNotMatch(failure.message, /\n\s+at /)

    rmSync(rc)
    since = client.published.length
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {changes: [{uri: pathToFileURL(rc).href, type: 3}]})
    const back = await client.diagnostics(postUri, () => true, {since})
    assert.ok(codes(back).includes('promotional'))
  })

  test('didChangeConfiguration with null settings re-lints and keeps working', async () => {
    const since = client.published.length
    await client.connection.sendNotification('workspace/didChangeConfiguration', {settings: null})
    const params = await client.diagnostics(postUri, () => true, {since})
    assert.ok(codes(params).includes('promotional'))
  })

  test('inline suppression and ignore files, as in the CLI', async () => {
    const suppressed = client.open('quiet.md', '<!-- retext-credibility disable promotional -->\n\nOur cutting-edge app. Experts say so.\n')
    const params = await client.diagnostics(suppressed)
    assert.deepEqual(codes(params), ['vague-sourcing'])

    writeFileSync(join(client.dir, '.retext-credibilityignore'), 'drafts/\n')
    const ignored = client.open('drafts/ignored.md', 'Our cutting-edge app.\n')
    const none = await client.diagnostics(ignored)
    assert.deepEqual(none.diagnostics, [])
  })

  test('HTML, plain text and unsaved documents, by language id or extension; other languages untouched', async () => {
    const html = client.open('page.html', '<p>Experts say it is <b>cutting-edge</b>.</p>\n', 'html')
    const htmlParams = await client.diagnostics(html)
    assert.deepEqual(codes(htmlParams).sort(), ['promotional', 'vague-sourcing'])
    assert.deepEqual(byCode(htmlParams, 'promotional')[0].range, {start: {line: 0, character: 24}, end: {line: 0, character: 36}})

    const text = client.open('notes.txt', 'Experts say it is cutting-edge.\n', 'plaintext')
    assert.deepEqual(codes(await client.diagnostics(text)).sort(), ['promotional', 'vague-sourcing'])

    // Neovim's filetype for a `.htm` file is `html`; an unknown language id falls back to the extension.
    const byExtension = client.open('other.htm', '<p>Experts say so.</p>\n', 'unknown-language')
    assert.deepEqual(codes(await client.diagnostics(byExtension)), ['vague-sourcing'])

    const untitled = client.open('untitled:Untitled-1', 'Our cutting-edge app.\n', 'markdown')
    assert.deepEqual(codes(await client.diagnostics(untitled)), ['promotional'])

    const rust = client.open('main.rs', '// Experts say it is cutting-edge.\n', 'rust')
    const since = client.published.length
    // Sync point: a later document's diagnostics arrive after the Rust file was handled.
    const later = client.open('later.md', 'Experts say so.\n')
    await client.diagnostics(later, () => true, {since})
    assert.ok(!client.published.some((d) => d.uri === rust), 'no diagnostics for a Rust file')
  })

  test('close: diagnostics cleared', async () => {
    const since = client.published.length
    await client.connection.sendNotification('textDocument/didClose', {textDocument: {uri: postUri}})
    const params = await client.diagnostics(postUri, () => true, {since})
    assert.deepEqual(params.diagnostics, [])
  })

  test('shutdown and exit', async () => {
    const code = await client.stop()
    client = undefined
    assert.equal(code, 0)
  })
})

describe('language server with a minimal client (Neovim 0.7-like: no watcher registration, no configuration requests)', () => {
  test('a config file written next to an open document applies without any notification', async () => {
    const client = startClient({textDocument: {}, workspace: {}}, {folders: false})
    try {
      await client.initialize()
      const uri = client.open('post.md', 'Our cutting-edge app. Experts say so.\n')
      assert.deepEqual(codes(await client.diagnostics(uri)).sort(), ['promotional', 'vague-sourcing'])
      // Let the fallback watcher settle before the write.
      await delay(300)
      const since = client.published.length
      writeFileSync(join(client.dir, '.retext-credibilityrc.json'), JSON.stringify({rules: {'vague-sourcing': 'off'}}))
      const params = await client.diagnostics(uri, (d) => !codes(d).includes('vague-sourcing'), {since})
      assert.deepEqual(codes(params), ['promotional'])
      assert.equal(client.configurationRequests.length, 0, 'no configuration requests to a client that cannot answer them')
    } finally {
      assert.equal(await client.stop(), 0)
    }
  })

  test('settings pushed with didChangeConfiguration: requireConfig and ignorePath', async () => {
    const client = startClient({textDocument: {}, workspace: {}})
    try {
      await client.initialize()
      const uri = client.open('post.md', 'Our cutting-edge app.\n')
      assert.deepEqual(codes(await client.diagnostics(uri)), ['promotional'])
      let since = client.published.length
      await client.connection.sendNotification('workspace/didChangeConfiguration', {settings: {'retext-credibility': {requireConfig: true}}})
      assert.deepEqual((await client.diagnostics(uri, () => true, {since})).diagnostics, [], 'no config file: not linted')

      writeFileSync(join(client.dir, 'extra-ignore'), 'post.md\n')
      since = client.published.length
      await client.connection.sendNotification('workspace/didChangeConfiguration', {settings: {'retext-credibility': {ignorePath: 'extra-ignore'}}})
      assert.deepEqual((await client.diagnostics(uri, () => true, {since})).diagnostics, [], 'ignored by the extra ignore file')

      since = client.published.length
      await client.connection.sendNotification('workspace/didChangeConfiguration', {settings: null})
      assert.deepEqual(codes(await client.diagnostics(uri, () => true, {since})), ['promotional'], 'back to the defaults')
    } finally {
      assert.equal(await client.stop(), 0)
    }
  })

  test('the bin asks for a transport instead of crashing', async () => {
    const child = spawn(process.execPath, [bin], {stdio: ['ignore', 'pipe', 'pipe']})
    let stderr = ''
    child.stderr.on('data', (chunk) => {
      stderr += chunk
    })
    const code = await new Promise((resolve) => child.once('exit', resolve))
    assert.equal(code, 1)
    assert.match(stderr, /--stdio/)
    assert.doesNotMatch(stderr, /\n\s+at /)
  })
})
