import {mkdir, readFile, writeFile} from 'node:fs/promises'
import path from 'node:path'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {fingerprint} from './fingerprint.js'
import {relativePath} from './paths.js'
import {UsageError} from './usage-error.js'

/** One recorded finding: its fingerprint, how often it occurs in the file, and rule and words for people reviewing the file. */
export interface BaselineEntry {
  readonly ruleId: string
  readonly actual: string
  readonly fingerprint: string
  readonly count: number
}

/** A baseline file: findings per file, keyed by paths relative to the baseline file itself, so any working folder can use it. */
export interface Baseline {
  readonly version: 1
  readonly files: Readonly<Record<string, readonly BaselineEntry[]>>
}

/** What applying a baseline did, for the summary line. */
export interface BaselineResult {
  /** Findings hidden because the baseline has them. */
  readonly hidden: number
  /** Recorded findings that no longer occur (fixed since), in the files linted. */
  readonly fixed: number
}

/** Record the current findings of `files` in a baseline file (failures to read a file are never recorded: they must be fixed). */
export async function writeBaseline(baselineFile: string, files: readonly VFile[]): Promise<{baseline: Baseline; total: number}> {
  const result: Record<string, BaselineEntry[]> = {}
  let total = 0
  for (const file of files) {
    const entries = new Map<string, {ruleId: string; actual: string; count: number}>()
    const doc = String(file.value ?? '')
    for (const message of file.messages.filter((d) => recordable(d))) {
      const key = fingerprint(message, doc)
      const entry = entries.get(key) ?? {ruleId: message.ruleId ?? '', actual: message.actual ?? '', count: 0}
      entry.count++
      total++
      entries.set(key, entry)
    }

    if (entries.size === 0) continue
    result[keyOf(file, baselineFile)] = [...entries]
      .map(([key, d]) => ({ruleId: d.ruleId, actual: d.actual, fingerprint: key, count: d.count}))
      .sort((a, b) => a.ruleId.localeCompare(b.ruleId) || a.actual.localeCompare(b.actual) || a.fingerprint.localeCompare(b.fingerprint))
  }

  const sorted: Record<string, BaselineEntry[]> = {}
  for (const key of Object.keys(result).sort()) sorted[key] = result[key]!
  const baseline: Baseline = {version: 1, files: sorted}
  try {
    await mkdir(path.dirname(baselineFile), {recursive: true})
    await writeFile(baselineFile, JSON.stringify(baseline, undefined, 2) + '\n')
  } catch (error) {
    throw new UsageError('Cannot write baseline `' + baselineFile + '`: ' + (error instanceof Error ? error.message : String(error)))
  }

  return {baseline, total}
}

/** Read and check a baseline file; throws a `UsageError` naming the file when it is missing or malformed. */
export async function readBaseline(baselineFile: string): Promise<Baseline> {
  let text: string
  try {
    text = await readFile(baselineFile, 'utf8')
  } catch {
    throw new UsageError('Cannot read baseline `' + baselineFile + '`, create it first with `--baseline-write ' + path.basename(baselineFile) + '`')
  }

  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    throw new UsageError('Cannot parse baseline `' + baselineFile + '` as JSON: ' + (error instanceof Error ? error.message : String(error)))
  }

  if (!isBaseline(value)) {
    throw new UsageError('Unexpected content in baseline `' + baselineFile + '`, expected `{"version": 1, "files": {…}}` as written by `--baseline-write`')
  }

  return value
}

/** Drop findings the baseline records, counting duplicates: two recorded, three found, one reported. */
export function applyBaseline(files: readonly VFile[], baseline: Baseline, baselineFile: string): BaselineResult {
  let hidden = 0
  let fixed = 0
  for (const file of files) {
    const remaining = new Map<string, number>()
    for (const entry of baseline.files[keyOf(file, baselineFile)] ?? []) remaining.set(entry.fingerprint, (remaining.get(entry.fingerprint) ?? 0) + entry.count)
    if (remaining.size === 0) continue
    const doc = String(file.value ?? '')
    file.messages = file.messages.filter((message) => {
      if (!recordable(message)) return true
      const key = fingerprint(message, doc)
      const left = remaining.get(key) ?? 0
      if (left === 0) return true
      remaining.set(key, left - 1)
      hidden++
      return false
    })
    for (const left of remaining.values()) fixed += left
  }

  return {hidden, fixed}
}

/** Findings a baseline may hold: lint findings, not failures to read a file. */
function recordable(message: VFileMessage): boolean {
  return message.ruleId !== undefined && !message.ruleId.startsWith('input-')
}

function keyOf(file: VFile, baselineFile: string): string {
  const file_ = file.path ? path.resolve(file.cwd, file.path) : undefined
  return file_ ? relativePath(path.dirname(baselineFile), file_) : '<stdin>'
}

function isBaseline(value: unknown): value is Baseline {
  if (typeof value !== 'object' || value === null || !('version' in value) || value.version !== 1 || !('files' in value)) return false
  const files = value.files
  if (typeof files !== 'object' || files === null || Array.isArray(files)) return false
  return Object.values(files).every(
    (list: unknown) =>
      Array.isArray(list) &&
      list.every(
        (entry: unknown) =>
          typeof entry === 'object' &&
          entry !== null &&
          'fingerprint' in entry &&
          typeof entry.fingerprint === 'string' &&
          'count' in entry &&
          typeof entry.count === 'number'
      )
  )
}
