/**
 * A minimal VS Code extension for retext-credibility: it starts the
 * package's language server and lets vscode-languageclient do the rest
 * (diagnostics, quick fixes, settings, file watching the server asks for).
 */
import {readFileSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {window, type ExtensionContext} from 'vscode'
import {LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions} from 'vscode-languageclient/node'

let client: LanguageClient | undefined

/** Start the server when a Markdown, HTML or plain-text document opens. */
export async function activate(context: ExtensionContext): Promise<void> {
  const server = serverModule()
  if (!server) {
    void window.showWarningMessage('retext-credibility: cannot find the `retext-credibility` package; run `npm install` in the extension folder')
    return
  }

  // `module` + stdio: vscode-languageclient runs the bin with Node and passes `--stdio`.
  const serverOptions: ServerOptions = {
    run: {module: server, transport: TransportKind.stdio},
    debug: {module: server, transport: TransportKind.stdio, options: {execArgv: ['--inspect=6011']}}
  }
  const clientOptions: LanguageClientOptions = {
    documentSelector: ['markdown', 'html', 'plaintext'].flatMap((language) => [
      {scheme: 'file', language},
      {scheme: 'untitled', language}
    ])
    // Settings (`retext-credibility.*`) reach the server through workspace/configuration,
    // and it asks the client to watch config files itself: nothing to synchronize here.
  }

  client = new LanguageClient('retext-credibility', 'retext-credibility', serverOptions, clientOptions)
  context.subscriptions.push(client)
  await client.start()
}

/** Stop the server with the extension. */
export async function deactivate(): Promise<void> {
  await client?.stop()
  client = undefined
}

/** The server's entry, found through the package's public `bin` field (its `exports` do not expose files). */
function serverModule(): string | undefined {
  try {
    const manifest = require.resolve('retext-credibility/package.json')
    const data: unknown = JSON.parse(readFileSync(manifest, 'utf8'))
    const bin = typeof data === 'object' && data !== null ? (data as {bin?: unknown}).bin : undefined
    const entry = typeof bin === 'object' && bin !== null ? (bin as Record<string, unknown>)['retext-credibility-language-server'] : undefined
    return typeof entry === 'string' ? join(dirname(manifest), entry) : undefined
  } catch {
    return undefined
  }
}
