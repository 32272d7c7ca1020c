/**
 * The language server: lints open Markdown, HTML and plain-text documents as
 * they change and offers quick fixes.
 *
 * Why not `createUnifiedLanguageServer` from unified-language-server 4.1: it
 * would need patching in five places that it keeps private (it creates its own
 * connection and handlers), so we follow its structure instead — TextDocuments,
 * one unified-engine run per check, the same message-to-diagnostic mapping —
 * on `vscode-languageserver` and `unified-engine`, which it uses too:
 * 1. it crashes when a client answers `workspace/configuration` with `null`
 *    (Neovim does): `raw.requireConfig` throws in a promise nobody catches;
 * 2. it hands unified-engine only `rcName`, `packageField`, `ignoreName` and
 *    `plugins`, not `configTransform` or `defaultConfig`, so our config files
 *    (`{rules, ignore, flag, siteDisclosure}`, validated like the CLI does)
 *    would not be understood;
 * 3. it loads the processor by name from the workspace and always advertises
 *    formatting, which with our lint-only processor (it compiles to `''`)
 *    would replace a document with nothing;
 * 4. it lints any document a client sends whatever its language, fails on
 *    unsaved (`untitled:`) documents, and does not debounce;
 * 5. its quick fixes come only from `diagnostic.data` (which Neovim 0.7 does
 *    not send back), and there is no hook for the disclosure fix.
 */
import {readFileSync} from 'node:fs'
import {dirname, join, sep} from 'node:path'
import {fileURLToPath} from 'node:url'
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  TextDocumentSyncKind,
  TextDocuments,
  type Connection,
  type InitializeResult,
  type WorkspaceClientCapabilities
} from 'vscode-languageserver/node.js'
import {TextDocument} from 'vscode-languageserver-textdocument'
import type {VFileMessage} from 'vfile-message'
import {createInlineLinter, type Linter} from '../cli/linter.js'
import {configNames} from '../engine-options.js'
import {defaultSettings, parseClientSettings, parsePushedSettings, settingsSection, type ClientSettings} from './client-settings.js'
import {codeActions, type Finding} from './code-actions.js'
import {isConfigName, watchConfigFiles, type ConfigWatcher} from './config-watcher.js'
import {documentFormat} from './document-format.js'
import {lintDocument} from './lint-document.js'
import {toDiagnostic} from './to-diagnostic.js'

/** Options of the server; tests shorten the debounce. */
export interface ServerOptions {
  /** Milliseconds to wait after a change before linting (default: `200`). */
  readonly debounce?: number | undefined
  /** Lints documents (default: in this thread, like the CLI with one job). */
  readonly linter?: Linter | undefined
}

/** The last lint of a document: for which version, under which config epoch, and what it found. */
interface LintState {
  readonly version: number
  readonly epoch: number
  readonly findings: readonly Finding[]
}

/** Config file globs the client watches for us, when it can. */
const watchedGlobs = [`**/${configNames.rcName}*`, `**/${configNames.ignoreName}`, '**/package.json']

/**
 * Serve the protocol on `connection`: lint on open and (debounced) on change,
 * clear on close, re-lint everything when config files or settings change,
 * and answer code actions with quick fixes.
 */
export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const documents = new TextDocuments(TextDocument)
  const linter = options.linter ?? createInlineLinter()
  const debounce = options.debounce ?? 200
  const timers = new Map<string, NodeJS.Timeout>()
  const latestRun = new Map<string, number>()
  const results = new Map<string, LintState>()
  const settingsCache = new Map<string, Promise<ClientSettings>>()
  let capabilities: WorkspaceClientCapabilities = {}
  let folderUris: string[] = []
  let folders: string[] = []
  let canAskSettings = false
  let pushedSettings = defaultSettings
  let runs = 0
  let epoch = 0
  let watcher: ConfigWatcher | undefined

  connection.onInitialize((params): InitializeResult => {
    capabilities = params.capabilities.workspace ?? {}
    canAskSettings = capabilities.configuration === true
    setFolders((params.workspaceFolders ?? []).map((folder) => folder.uri))
    if (folderUris.length === 0 && params.rootUri) setFolders([params.rootUri])
    return {
      capabilities: {
        textDocumentSync: {openClose: true, change: TextDocumentSyncKind.Incremental},
        codeActionProvider: {codeActionKinds: [CodeActionKind.QuickFix]},
        ...(capabilities.workspaceFolders ? {workspace: {workspaceFolders: {supported: true, changeNotifications: true}}} : {})
      },
      serverInfo: {name: 'retext-credibility-language-server', version: packageVersion()}
    }
  })

  connection.onInitialized(() => {
    if (canAskSettings && capabilities.didChangeConfiguration?.dynamicRegistration) {
      void connection.client.register(DidChangeConfigurationNotification.type, {section: settingsSection}).catch(logError)
    }

    if (capabilities.didChangeWatchedFiles?.dynamicRegistration) {
      const watchers = watchedGlobs.map((globPattern) => ({globPattern}))
      void connection.client.register(DidChangeWatchedFilesNotification.type, {watchers}).catch(logError)
    } else {
      watcher = watchConfigFiles(revalidateAll)
      watcher.update(openPaths())
    }

    if (capabilities.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        const removed = new Set(event.removed.map((folder) => folder.uri))
        setFolders([...folderUris.filter((uri) => !removed.has(uri)), ...event.added.map((folder) => folder.uri)])
        revalidateAll()
      })
    }
  })

  documents.onDidOpen(() => watcher?.update(openPaths()))

  documents.onDidChangeContent(({document}) => {
    // An open fires this too: lint a new document at once, an edited one when typing pauses.
    const known = latestRun.has(document.uri)
    schedule(document.uri, known ? debounce : 0)
  })

  documents.onDidClose(({document}) => {
    clearTimeout(timers.get(document.uri))
    timers.delete(document.uri)
    latestRun.delete(document.uri)
    results.delete(document.uri)
    settingsCache.delete(document.uri)
    void connection.sendDiagnostics({uri: document.uri, diagnostics: []})
    watcher?.update(openPaths())
  })

  connection.onDidChangeWatchedFiles((event) => {
    if (event.changes.some((change) => isConfigName(basename(change.uri)))) revalidateAll()
  })

  connection.onDidChangeConfiguration((event) => {
    settingsCache.clear()
    if (!canAskSettings) pushedSettings = parsePushedSettings(event.settings)
    revalidateAll()
  })

  connection.onCodeAction(async (params) => {
    const document = documents.get(params.textDocument.uri)
    if (!document) return []
    const format = documentFormat(document.languageId, pathOf(document.uri))
    if (!format) return []
    return codeActions(document, format, await freshFindings(document), params)
  })

  connection.onShutdown(async () => {
    watcher?.close()
    for (const timer of timers.values()) clearTimeout(timer)
    timers.clear()
    await linter.close()
  })

  documents.listen(connection)
  connection.listen()

  function schedule(uri: string, delay: number): void {
    clearTimeout(timers.get(uri))
    latestRun.set(uri, latestRun.get(uri) ?? 0)
    timers.set(
      uri,
      setTimeout(() => {
        timers.delete(uri)
        void validate(uri)
      }, delay)
    )
  }

  /** Lint a document now and publish, unless a newer run or a close overtook this one. */
  async function validate(uri: string): Promise<void> {
    clearTimeout(timers.get(uri))
    timers.delete(uri)
    const document = documents.get(uri)
    if (!document) return
    const run = ++runs
    latestRun.set(uri, run)
    const {version} = document
    const runEpoch = epoch
    const format = documentFormat(document.languageId, pathOf(uri))
    let findings: Finding[] = []

    if (format) {
      try {
        const settings = await settingsFor(uri)
        const where = locate(uri)
        const messages = await lintDocument({...where, value: document.getText(), format, settings}, linter)
        findings = (messages ?? []).map((message) => toFinding(message))
      } catch (error) {
        logError(error)
      }
    }

    if (latestRun.get(uri) !== run || documents.get(uri)?.version !== version) return
    results.set(uri, {version, epoch: runEpoch, findings})
    // Documents that are not ours get nothing published, not even an empty list.
    if (format) void connection.sendDiagnostics({uri, version, diagnostics: findings.map((finding) => finding.diagnostic)})
  }

  /** Findings for exactly this version under the current config, linting first if needed (a fix must never edit stale ranges). */
  async function freshFindings(document: TextDocument): Promise<readonly Finding[]> {
    const state = results.get(document.uri)
    if (state && state.version === document.version && state.epoch === epoch) return state.findings
    await validate(document.uri)
    const again = results.get(document.uri)
    return again && again.version === document.version ? again.findings : []
  }

  function revalidateAll(): void {
    epoch++
    for (const document of documents.all()) schedule(document.uri, 0)
  }

  /** Client settings for a document; asked once per document until settings change, and never trusted to be an object. */
  async function settingsFor(uri: string): Promise<ClientSettings> {
    if (!canAskSettings) return pushedSettings
    let settings = settingsCache.get(uri)
    if (!settings) {
      settings = connection.workspace.getConfiguration({scopeUri: uri, section: settingsSection}).then(
        (raw: unknown) => parseClientSettings(raw),
        () => defaultSettings
      )
      settingsCache.set(uri, settings)
    }

    return settings
  }

  /** The path to lint a document as, and the folder to resolve from: its workspace folder, else its own folder. */
  function locate(uri: string): {path: string; cwd: string} {
    const path = pathOf(uri)
    if (path) {
      const folder = folders.find((d) => path === d || path.startsWith(d.endsWith(sep) ? d : d + sep))
      return {path, cwd: folder ?? dirname(path)}
    }

    // Unsaved documents: config and ignore files of the first workspace folder apply.
    const cwd = (folderUris[0] && pathOf(folderUris[0])) ?? process.cwd()
    return {path: join(cwd, 'untitled'), cwd}
  }

  function setFolders(uris: readonly string[]): void {
    folderUris = [...uris]
    // Paths, longest first, so that the first match is the innermost folder.
    folders = uris.flatMap((uri) => pathOf(uri) ?? []).sort((a, b) => b.length - a.length)
  }

  function openPaths(): string[] {
    return documents.all().flatMap((document) => pathOf(document.uri) ?? [])
  }

  function logError(error: unknown): void {
    connection.console.error('retext-credibility: ' + (error instanceof Error ? error.message : String(error)))
  }
}

/** A diagnostic and the fixes its message offers. */
function toFinding(message: VFileMessage): Finding {
  return {diagnostic: toDiagnostic(message), ruleId: message.ruleId, expected: message.expected ?? []}
}

/** The file system path of a `file:` URI; `undefined` for unsaved (`untitled:`) and other documents. */
function pathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined
  try {
    return fileURLToPath(uri)
  } catch {
    return undefined
  }
}

function basename(uri: string): string {
  const path = uri.replace(/[?#].*$/, '')
  const name = path.slice(path.lastIndexOf('/') + 1)
  try {
    return decodeURIComponent(name)
  } catch {
    return name
  }
}

/** This package's version, for `serverInfo` and `--version`. */
export function packageVersion(): string {
  try {
    const data: unknown = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8'))
    const version = typeof data === 'object' && data !== null ? (data as Record<string, unknown>)['version'] : undefined
    return typeof version === 'string' ? version : '0.0.0'
  } catch {
    return '0.0.0'
  }
}
