#!/usr/bin/env node
import {createConnection, ProposedFeatures} from 'vscode-languageserver/node.js'
import {packageVersion, startServer} from './server.js'

const usage = `Usage: retext-credibility-language-server --stdio

A language server for retext-credibility: diagnostics and quick fixes for
Markdown, HTML and plain-text documents, configured by the same
.retext-credibilityrc files as the CLI.

Options:
  --stdio          talk the Language Server Protocol over stdin / stdout
  --node-ipc       talk it over Node IPC (for clients that fork the server)
  --socket=<port>  talk it over a socket
  -h, --help       show this help
  -v, --version    show the version
`

const args = process.argv.slice(2)
if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(usage)
} else if (args.includes('--version') || args.includes('-v')) {
  process.stdout.write(packageVersion() + '\n')
} else if (args.some((arg) => arg === '--stdio' || arg === '--node-ipc' || arg.startsWith('--socket=') || arg.startsWith('--pipe='))) {
  // vscode-languageserver reads the transport from the arguments.
  startServer(createConnection(ProposedFeatures.all))
} else {
  process.stderr.write('retext-credibility-language-server: pick a transport, such as `--stdio`\n\n' + usage)
  process.exitCode = 1
}
