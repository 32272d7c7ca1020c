import {parseCliArgs, type CliOptions} from './args.js'
import {lintFiles} from './lint-files.js'
import {loadReporters} from './reporters.js'
import {configNotes, summaryNotes, writeReports} from './write-reports.js'
import {toolName, toolVersion} from './tool-info.js'
import {UsageError} from './usage-error.js'

/** The process the CLI talks to, passed in so that tests and other shells can run it in-process. */
export interface CliIo {
  readonly argv: readonly string[]
  readonly cwd: string
  readonly env: Readonly<Record<string, string | undefined>>
  readonly stdin: NodeJS.ReadableStream & {readonly isTTY?: boolean}
  readonly stdout: NodeJS.WritableStream & {readonly isTTY?: boolean}
  readonly stderr: NodeJS.WritableStream
}

/** Exit code for bad usage, invalid config or baseline, and internal failures: apart from 1, which means "findings". */
export const usageExitCode = 2

/**
 * Run the CLI once and resolve with its exit code: 0 clean, 1 findings that
 * fail the run, 2 usage or config problems. Never throws, never prints a
 * stack trace unless `DEBUG` names the tool.
 */
export async function main(io: CliIo): Promise<number> {
  let options: CliOptions
  try {
    options = parseCliArgs(io.argv, io.cwd)
  } catch (error) {
    await say(io.stderr, toolName + ': ' + messageOf(error) + ' (see `' + toolName + ' --help`)')
    return usageExitCode
  }

  if (options.help) {
    const {helpText} = await import('./help.js')
    await say(io.stdout, helpText().trimEnd())
    return 0
  }

  if (options.version) {
    await say(io.stdout, toolVersion())
    return 0
  }

  try {
    loadReporters(options.reports.map((report) => report.name))
    const stdin = await stdinFor(options, io)
    const result = await lintFiles(options, {cwd: io.cwd, stdin})
    for (const note of configNotes(result)) await say(io.stderr, toolName + ': ' + note)
    await writeReports(options, result, io)
    for (const note of summaryNotes(options, result)) await say(io.stderr, toolName + ': ' + note)
    if (debugging(io)) for (const stack of result.stacks) await say(io.stderr, stack)
    return result.configProblems.length > 0 ? usageExitCode : exitCode(options, result.files)
  } catch (error) {
    if (error instanceof UsageError) {
      await say(io.stderr, toolName + ': ' + error.message)
    } else {
      await say(io.stderr, toolName + ': internal error: ' + messageOf(error) + (debugging(io) ? '\n' + stackOf(error) : ' (run with DEBUG=' + toolName + ' for details)'))
    }

    return usageExitCode
  }
}

/** Exit code of a finished run: findings at error level always fail it, warnings only when asked to. */
function exitCode(options: CliOptions, files: ReadonlyArray<{messages: ReadonlyArray<{fatal?: boolean | null | undefined}>}>): number {
  let errors = 0
  let warnings = 0
  for (const file of files) {
    for (const message of file.messages) {
      if (message.fatal === true) errors++
      else if (message.fatal === false) warnings++
    }
  }

  if (errors > 0 || (options.frail && warnings > 0)) return 1
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) return 1
  return 0
}

/**
 * Decide whether this run reads stdin, and read it as bytes (so that
 * encoding problems can be told apart). Without paths, piped input is
 * linted; nothing piped (a terminal, or the empty stdin of most CI runners)
 * means the current folder, unless a `--stdin-*` flag asked for stdin.
 */
async function stdinFor(options: CliOptions, io: CliIo): Promise<Uint8Array | undefined> {
  if (options.paths.length > 0) return undefined
  const asked = options.stdinFormat !== undefined || options.stdinFilename !== undefined
  if (!asked && io.stdin.isTTY) return undefined
  const chunks: Buffer[] = []
  for await (const chunk of io.stdin as AsyncIterable<Buffer | string>) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk)
  const bytes = Buffer.concat(chunks)
  return asked || bytes.byteLength > 0 ? bytes : undefined
}

/** Write one line (or block) and wait until it is flushed; a closed pipe (`| head`) is not an error. */
export async function say(stream: NodeJS.WritableStream, text: string): Promise<void> {
  return new Promise((resolve) => {
    stream.write(text.endsWith('\n') ? text : text + '\n', () => resolve())
  })
}

/** Stack traces are for maintainers: shown only when `DEBUG` names the tool. */
function debugging(io: CliIo): boolean {
  return (io.env['DEBUG'] ?? '').includes(toolName)
}

function messageOf(error: unknown): string {
  return ((error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '').trim()
}

function stackOf(error: unknown): string {
  return error instanceof Error && error.stack ? error.stack : String(error)
}
