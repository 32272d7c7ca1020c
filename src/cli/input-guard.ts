import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {source} from '../engine/identity.js'
import type {Linter, LintJob, SerializedMessage} from './linter.js'
import {relativePath} from './paths.js'
import {inShard, type Shard} from './pool.js'
import {inputRuleIds, inputRuleUrl} from './rule-meta.js'

/** What the guard needs to judge a document before it reaches the linter. */
export interface GuardOptions {
  /** Folder the run is relative to. */
  readonly cwd: string
  /** Largest document to lint, in bytes; `0` for no limit. */
  readonly maxFileSize: number
  /** Only lint files in this shard; others get no work and are dropped from reports. */
  readonly shard: Shard | undefined
  /** The raw bytes of stdin, when the run reads stdin instead of files. */
  readonly stdin: Uint8Array | undefined
}

/**
 * Wrap a linter so that documents it cannot sensibly lint (too large,
 * binary, not UTF-8, empty) get one clear message instead of a crash or
 * nonsense findings, and files outside the shard cost nothing.
 */
export function guardLinter(inner: Linter, options: GuardOptions): Linter {
  return {
    async lint(job) {
      if (options.stdin === undefined && options.shard && job.path !== undefined && !inShard(relativePath(options.cwd, job.path), options.shard)) return []
      const problem = await inspect(job, options)
      return problem ? [problem] : inner.lint(job)
    },
    close: async () => inner.close()
  }
}

/** Find why a document should not be linted, if it should not. */
async function inspect(job: LintJob, options: GuardOptions): Promise<SerializedMessage | undefined> {
  const size = options.stdin ? options.stdin.byteLength : Buffer.byteLength(job.value)
  if (options.maxFileSize > 0 && size > options.maxFileSize) {
    return message(
      inputRuleIds.tooLarge,
      true,
      'Cannot lint file of ' + megabytes(size) + ', it is over the limit of ' + megabytes(options.maxFileSize),
      'Raise the limit with `--max-file-size <MB>` (`0` for none), or add the file to `.retext-credibilityignore`.'
    )
  }

  const nul = job.value.indexOf('\u0000')
  if (nul !== -1) {
    const bytes = await bytesOf(job, options)
    if (bytes && isUtf16(bytes)) return utf16()
    return message(inputRuleIds.binary, true, 'Cannot lint binary file, it contains NUL bytes', 'Only text files are linted; ignore this file with `.retext-credibilityignore` or `--ignore-pattern`.')
  }

  // A replacement character may be real text, or the trace of bytes that are not UTF-8: check the bytes.
  const replacement = job.value.indexOf('\uFFFD')
  if (replacement !== -1) {
    const bytes = await bytesOf(job, options)
    if (bytes && isUtf16(bytes)) return utf16()
    if (bytes && !isUtf8(bytes)) {
      const point = pointAt(job.value, replacement)
      return message(
        inputRuleIds.binary,
        true,
        'Cannot lint file that is not valid UTF-8 (first bad byte near ' + point.line + ':' + point.column + ')',
        'Save the file as UTF-8, or ignore it with `.retext-credibilityignore` if it is not text.'
      )
    }
  }

  // Not `trim()`: that copies the whole document to find it is not empty.
  if (!/\S/.test(job.value)) {
    return message(inputRuleIds.empty, undefined, 'Empty file, there is no text to lint', 'Nothing to do; remove the file or ignore it if that is unexpected.')
  }

  return undefined
}

function utf16(): SerializedMessage {
  return message(inputRuleIds.binary, true, 'Cannot lint UTF-16 file, only UTF-8 is supported', 'Save the file as UTF-8.')
}

async function bytesOf(job: LintJob, options: GuardOptions): Promise<Uint8Array | undefined> {
  if (options.stdin) return options.stdin
  if (job.path === undefined) return undefined
  try {
    return await readFile(path.resolve(options.cwd, job.path))
  } catch {
    return undefined
  }
}

function isUtf16(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', {fatal: true}).decode(bytes)
    return true
  } catch {
    return false
  }
}

function pointAt(value: string, offset: number): {line: number; column: number} {
  const before = value.slice(0, offset)
  const lineStart = before.lastIndexOf('\n') + 1
  return {line: before.split('\n').length, column: offset - lineStart + 1}
}

function megabytes(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1) + ' MB'
}

function message(ruleId: string, fatal: boolean | undefined, reason: string, note: string): SerializedMessage {
  return {
    reason,
    ruleId,
    source,
    fatal,
    place: undefined,
    actual: undefined,
    expected: undefined,
    note,
    url: inputRuleUrl(ruleId)
  }
}
