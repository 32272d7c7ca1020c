import {mkdir, writeFile} from 'node:fs/promises'
import path from 'node:path'
import type {CliOptions} from './args.js'
import type {LintResult} from './lint-files.js'
import {render} from './reporters.js'
import {UsageError} from './usage-error.js'

/** The streams and environment reports go to. */
export interface ReportIo {
  readonly env: Readonly<Record<string, string | undefined>>
  readonly cwd: string
  readonly stdout: NodeJS.WritableStream & {readonly isTTY?: boolean}
}

/** Write every requested report, to stdout or to its file. */
export async function writeReports(options: CliOptions, result: LintResult, io: ReportIo): Promise<void> {
  const terminalColor = Boolean(io.stdout.isTTY) && !io.env['NO_COLOR'] && io.env['TERM'] !== 'dumb'
  for (const target of options.reports) {
    const text = await render(target.name, {
      files: result.files,
      cwd: io.cwd,
      quiet: options.quiet,
      silent: options.silent,
      verbose: options.verbose,
      color: target.file === undefined && target.name === 'human' ? (options.color ?? terminalColor) : false,
      configProblems: result.configProblems,
      workspace: io.env['GITHUB_WORKSPACE'] || undefined
    })
    if (target.file === undefined) {
      if (text) await write(io.stdout, text.endsWith('\n') ? text : text + '\n')
    } else {
      try {
        await mkdir(path.dirname(target.file), {recursive: true})
        await writeFile(target.file, text.endsWith('\n') || text === '' ? text : text + '\n')
      } catch (error) {
        throw new UsageError('Cannot write report `' + target.file + '`: ' + (error instanceof Error ? error.message : String(error)))
      }
    }
  }
}

/** One line per config file that kept files from being linted, for stderr before the report. */
export function configNotes(result: LintResult): string[] {
  return result.configProblems.map(
    (problem) =>
      'cannot use config' + (problem.file ? ' `' + problem.file + '`' : '') + ': ' + problem.reason + ' (' + plural(problem.count, 'file') + ' not linted)'
  )
}

/** One-line notes for stderr after the report: baseline counts, the warning limit. */
export function summaryNotes(options: CliOptions, result: LintResult): string[] {
  const lines: string[] = []
  const baseline = result.baseline
  if (baseline?.written !== undefined) {
    lines.push('wrote ' + plural(baseline.written, 'finding') + ' to baseline `' + path.basename(options.baselineWrite ?? '') + '`')
  } else if (baseline && !options.quiet && !options.silent) {
    if (baseline.hidden > 0) lines.push(plural(baseline.hidden, 'finding') + ' hidden by the baseline')
    if (baseline.fixed > 0) lines.push(plural(baseline.fixed, 'baseline finding') + ' fixed since, update it with `--baseline-write`')
  }

  if (options.maxWarnings !== undefined) {
    const warnings = result.files.reduce((sum, file) => sum + file.messages.filter((d) => d.fatal === false).length, 0)
    if (warnings > options.maxWarnings) lines.push(plural(warnings, 'warning') + ', more than `--max-warnings ' + options.maxWarnings + '`')
  }

  return lines
}

function plural(count: number, noun: string): string {
  return count + ' ' + noun + (count === 1 ? '' : 's')
}

async function write(stream: NodeJS.WritableStream, text: string): Promise<void> {
  return new Promise((resolve) => {
    stream.write(text, () => resolve())
  })
}
