import {availableParallelism} from 'node:os'
import path from 'node:path'
import {parseArgs} from 'node:util'
import type {Format} from '../engine/types.js'
import type {Shard} from './pool.js'
import {reporterNames, type ReporterName} from './report-names.js'
import {UsageError} from './usage-error.js'

/** One report to produce: a reporter, written to stdout or to a file. */
export interface ReportTarget {
  readonly name: ReporterName
  /** File to write to, absolute; stdout when unset. */
  readonly file: string | undefined
}

/** Everything the CLI was asked to do, validated. */
export interface CliOptions {
  readonly help: boolean
  readonly version: boolean
  readonly paths: readonly string[]
  readonly format: Format | undefined
  readonly stdinFormat: Format | undefined
  readonly stdinFilename: string | undefined
  readonly ignorePatterns: readonly string[]
  readonly rcPath: string | undefined
  readonly config: boolean
  readonly reports: readonly ReportTarget[]
  readonly quiet: boolean
  readonly silent: boolean
  readonly verbose: boolean
  readonly color: boolean | undefined
  readonly frail: boolean
  readonly maxWarnings: number | undefined
  /** Largest file to lint, in bytes; `0` for no limit. */
  readonly maxFileSize: number
  readonly baseline: string | undefined
  readonly baselineWrite: string | undefined
  readonly jobs: number
  readonly cache: boolean
  readonly cacheLocation: string
  readonly shard: Shard | undefined
}

/** Largest file linted unless `--max-file-size` says otherwise, in megabytes (default: 2). */
export const defaultMaxFileSize = 2

/** Cache folder unless `--cache-location` says otherwise (default: `.retext-credibility-cache`). */
export const defaultCacheLocation = '.retext-credibility-cache'

const spec = {
  help: {type: 'boolean', short: 'h'},
  version: {type: 'boolean', short: 'v'},
  format: {type: 'string'},
  'stdin-format': {type: 'string'},
  'stdin-filename': {type: 'string'},
  'ignore-pattern': {type: 'string', multiple: true},
  'rc-path': {type: 'string'},
  'no-config': {type: 'boolean'},
  report: {type: 'string', short: 'r', multiple: true},
  quiet: {type: 'boolean', short: 'q'},
  silent: {type: 'boolean', short: 'S'},
  verbose: {type: 'boolean'},
  color: {type: 'boolean'},
  'no-color': {type: 'boolean'},
  frail: {type: 'boolean', short: 'f'},
  'max-warnings': {type: 'string'},
  'max-file-size': {type: 'string'},
  baseline: {type: 'string'},
  'baseline-write': {type: 'string'},
  jobs: {type: 'string', short: 'j'},
  cache: {type: 'boolean'},
  'cache-location': {type: 'string'},
  shard: {type: 'string'}
} as const

const formatNames: Readonly<Record<string, Format>> = {
  md: 'markdown',
  markdown: 'markdown',
  mdx: 'markdown',
  html: 'html',
  htm: 'html',
  txt: 'text',
  text: 'text'
}

/** Parse command-line arguments (without `node` and the script) into options; throws a `UsageError` on any mistake. */
export function parseCliArgs(argv: readonly string[], cwd: string): CliOptions {
  let parsed: ReturnType<typeof parseArgs<{args: string[]; options: typeof spec; allowPositionals: true; strict: true}>>
  try {
    parsed = parseArgs({args: [...argv], options: spec, allowPositionals: true, strict: true})
  } catch (error) {
    throw new UsageError(describeParseError(error))
  }

  const values = parsed.values
  const paths = parsed.positionals
  const stdinFormat = format(values['stdin-format'], '--stdin-format')
  const stdinFilename = values['stdin-filename']
  if (paths.length > 0 && (stdinFormat || stdinFilename !== undefined)) {
    throw new UsageError('Unexpected paths with `' + (stdinFormat ? '--stdin-format' : '--stdin-filename') + '`: stdin is only read when no paths are given')
  }

  if (values.color && values['no-color']) throw new UsageError('Unexpected `--color` with `--no-color`, pick one')
  if (values['rc-path'] !== undefined && values['no-config']) throw new UsageError('Unexpected `--rc-path` with `--no-config`, pick one')
  if (values.baseline !== undefined && values['baseline-write'] !== undefined) {
    throw new UsageError('Unexpected `--baseline` with `--baseline-write`: write the baseline first, then use it')
  }

  const shard = values.shard === undefined ? undefined : parseShard(values.shard)
  if (shard && values['baseline-write'] !== undefined) {
    throw new UsageError('Unexpected `--shard` with `--baseline-write`: a baseline must cover every file, write it without `--shard`')
  }

  const reports = (values.report ?? ['human']).map((value) => parseReport(value, cwd))
  if (reports.filter((d) => d.file === undefined).length > 1) {
    throw new UsageError('Unexpected several reports on stdout, give all but one a file (`--report sarif=results.sarif`)')
  }

  const maxFileSize = values['max-file-size'] === undefined ? defaultMaxFileSize : number(values['max-file-size'], '--max-file-size', false)
  return {
    help: values.help ?? false,
    version: values.version ?? false,
    paths,
    format: format(values.format, '--format'),
    stdinFormat,
    stdinFilename,
    ignorePatterns: values['ignore-pattern'] ?? [],
    rcPath: values['rc-path'],
    config: !values['no-config'],
    reports,
    quiet: values.quiet ?? false,
    silent: values.silent ?? false,
    verbose: values.verbose ?? false,
    color: values.color ? true : values['no-color'] ? false : undefined,
    frail: values.frail ?? false,
    maxWarnings: values['max-warnings'] === undefined ? undefined : number(values['max-warnings'], '--max-warnings', true),
    maxFileSize: Math.round(maxFileSize * 1024 * 1024),
    baseline: values.baseline === undefined ? undefined : path.resolve(cwd, values.baseline),
    baselineWrite: values['baseline-write'] === undefined ? undefined : path.resolve(cwd, values['baseline-write']),
    jobs: values.jobs === undefined ? availableParallelism() : Math.max(1, number(values.jobs, '--jobs', true)),
    cache: values.cache ?? false,
    cacheLocation: path.resolve(cwd, values['cache-location'] ?? defaultCacheLocation),
    shard
  }
}

/** Turn `parseArgs` errors into one line that names the flag. */
function describeParseError(error: unknown): string {
  const code = error instanceof Error && 'code' in error ? String(error.code) : ''
  const message = error instanceof Error ? error.message : String(error)
  const flag = /'(?:-\w, )?(-[^' ]+)/.exec(message)?.[1] ?? ''
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    return 'Unknown option `' + flag + '`'
  }

  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    return message.includes('argument missing') ? 'Missing value for `' + flag + '`' : 'Unexpected value for `' + flag + '`, it takes none'
  }

  return message.split('\n')[0] ?? message
}

function format(value: string | undefined, flag: string): Format | undefined {
  if (value === undefined) return undefined
  const found = formatNames[value.toLowerCase()]
  if (!found) throw new UsageError('Unexpected `' + value + '` for `' + flag + '`, expected `md`, `html` or `txt`')
  return found
}

function number(value: string, flag: string, integer: boolean): number {
  const result = Number(value)
  if (value.trim() === '' || !Number.isFinite(result) || result < 0 || (integer && !Number.isInteger(result))) {
    throw new UsageError('Unexpected `' + value + '` for `' + flag + '`, expected ' + (integer ? 'a whole number' : 'a number') + ' of 0 or more')
  }

  return result
}

function parseShard(value: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(value)
  const index = Number(match?.[1])
  const count = Number(match?.[2])
  if (!match || count < 1 || index < 1 || index > count) {
    throw new UsageError('Unexpected `' + value + '` for `--shard`, expected `i/n` with 1 <= i <= n, such as `2/4`')
  }

  return {index, count}
}

function parseReport(value: string, cwd: string): ReportTarget {
  const at = value.indexOf('=')
  const name = at === -1 ? value : value.slice(0, at)
  const file = at === -1 ? undefined : value.slice(at + 1)
  if (!(reporterNames as readonly string[]).includes(name)) {
    throw new UsageError('Unexpected `' + name + '` for `--report`, expected ' + reporterNames.map((d) => '`' + d + '`').join(', '))
  }

  if (file === '') throw new UsageError('Missing file after `' + name + '=` in `--report`')
  return {name: name as ReporterName, file: file === undefined ? undefined : path.resolve(cwd, file)}
}
