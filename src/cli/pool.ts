import {createHash, randomBytes} from 'node:crypto'
import {mkdir, readFile, rename, rm, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import type Tinypool from 'tinypool'
import {createInlineLinter, type Linter, type SerializedMessage} from './linter.js'
import {relativePath} from './paths.js'
import {toolVersion} from './tool-info.js'
import {tuneForShortRun, tuneForWorkers} from './v8-flags.js'
import {restoreError, type WorkerResult} from './worker.js'

/** Options of `createLinter`, as the CLI parses them from its flags. */
export interface LinterOptions {
  /** Worker threads (`--jobs`; default: the number of CPUs); `1` lints in this thread. */
  readonly jobs: number
  /** Reuse results of unchanged files (`--cache`; default: `false`). */
  readonly cache: boolean
  /** Cache folder, absolute (`--cache-location`; default: `<cwd>/.retext-credibility-cache`). */
  readonly cacheLocation: string
  /** Folder the run is relative to. */
  readonly cwd: string
  /** Package version in cache keys (default: this package's version); for tests. */
  readonly version?: string | undefined
}

/** One shard of a file list, as given to `--shard 2/4`: `index` is 1-based. */
export interface Shard {
  readonly index: number
  readonly count: number
}

/**
 * Create the linter the CLI hands every document to: in this thread when
 * `jobs` is 1, else in a pool of `jobs` worker threads (`tinypool`). Without
 * `cache` the pool starts at once, so the first worker loads while the
 * engine looks for files; with it, on the first document that needs linting
 * (a fully cached run starts none). With `cache`, unchanged documents are
 * not linted at all.
 *
 * Results do not depend on where a document was linted: a worker runs the
 * same `lintJob` and sends back the same plain messages; the engine keeps
 * files in its own order.
 */
export function createLinter(options: LinterOptions): Linter {
  const inner = options.jobs > 1 ? createPoolLinter(Math.floor(options.jobs), !options.cache) : createTunedInlineLinter()
  return options.cache ? createCachedLinter(inner, options) : inner
}

/** The linter of `--jobs 1`: in this thread, which V8 tunes for a short run before the first document. */
function createTunedInlineLinter(): Linter {
  const inline = createInlineLinter()
  let tuned: Promise<void> | undefined
  return {
    async lint(job) {
      await (tuned ??= tuneForShortRun())
      return inline.lint(job)
    },
    close: inline.close
  }
}

/**
 * Whether a file belongs to a shard, by a stable hash of its path relative
 * to the run's folder (POSIX separators), so every CI runner agrees on the
 * split without talking to the others: the shards of `1/n` … `n/n` are
 * disjoint and together hold every file.
 */
export function inShard(relative: string, shard: Shard): boolean {
  if (shard.count <= 1) return true
  const normal = relative.replace(/\\/g, '/').replace(/^(?:\.\/)+/, '')
  const hash = createHash('sha1').update(normal).digest()
  return hash.readUInt32BE(0) % shard.count === shard.index - 1
}

// ---------------------------------------------------------------------------
// Worker pool.

const workerFile = fileURLToPath(new URL('worker.js', import.meta.url))

/**
 * Young generation of a worker, in MB. V8's default (48 MB on this kind of
 * machine) let each worker's peak grow by some 15 MB over what it needs: at
 * 24 MB the Rust book linted with two workers peaks at about 150 MB instead
 * of 180 MB, as fast (smaller ones, 8–12 MB, were slower).
 */
const workerYoungGenerationMb = 24

/** A linter that sends every job to one of `jobs` worker threads; `prestart` starts the first one now. */
function createPoolLinter(jobs: number, prestart: boolean): Linter {
  let pool: Promise<Tinypool> | undefined
  // One worker at first; tinypool adds more (up to `jobs`) while jobs wait, so one file costs one worker.
  const start = (): Promise<Tinypool> =>
    (pool ??= import('tinypool').then(async ({default: Pool}) => {
      await tuneForShortRun()
      await tuneForWorkers()
      return new Pool({
        filename: workerFile,
        minThreads: 1,
        maxThreads: jobs,
        idleTimeout: 60_000,
        resourceLimits: {maxYoungGenerationSizeMb: workerYoungGenerationMb}
      })
    }))
  // A pool that fails to start fails every job it is given; the early start itself reports nothing.
  if (prestart) void start().catch(() => undefined)
  return {
    async lint(job) {
      const result = (await (await start()).run(job)) as WorkerResult
      if (result.ok) return result.messages
      throw restoreError(result.error)
    },
    async close() {
      const current = pool
      pool = undefined
      // A pool that failed to start has already failed every job it was given.
      const instance = current ? await current.catch(() => undefined) : undefined
      if (instance) await instance.destroy()
    }
  }
}

// ---------------------------------------------------------------------------
// Cache.

/** Bump when the shape of the cache file changes: an older file then misses entirely. */
const cacheSchema = 2

/** The file in the cache folder that holds every entry. */
const cacheFileName = 'results.json'

/** One entry of the cache file, under the path it is for (relative to the run's folder). */
interface CacheEntry {
  /** Hash of everything the messages depend on: schema, package version, config, path, content. */
  readonly key: string
  readonly messages: readonly SerializedMessage[]
}

/**
 * Wrap a linter with a cache like ESLint's: one JSON file in the cache folder
 * (`results.json`), mapping each linted path (relative to `cwd`) to the
 * messages and the key they are valid for. The key hashes the package
 * version, the resolved options of the document (its config, stably
 * serialized), its path and its content; any change misses and replaces the
 * entry. The file is read once, on the first document, and written once, on
 * `close`, when something changed: one read instead of one per file is most
 * of what a fully cached run costs beyond start-up.
 *
 * Entries of paths not linted in a run are kept (shards and partial runs
 * keep each other's results); when two runs share a folder at the same
 * time, the last to finish wins, and the other's new results only miss next
 * time. The file is written to a temporary file and renamed, so a crash
 * never leaves half of it; a file or entry that cannot be read or parsed, or
 * has the wrong shape, is a miss, never an error; failing to write is
 * ignored (the cache only saves time).
 */
function createCachedLinter(inner: Linter, options: LinterOptions): Linter {
  const folder = path.resolve(options.cwd, options.cacheLocation)
  const file = path.join(folder, cacheFileName)
  const version = options.version ?? toolVersion()
  let entries: Promise<Map<string, unknown>> | undefined
  let changed = false

  return {
    async lint(job) {
      const relative = job.path === undefined ? '' : relativePath(options.cwd, job.path)
      const key = hash(JSON.stringify([cacheSchema, version, stableStringify(job.options), relative, hash(job.value)]))
      const known = await (entries ??= readCache(file))
      const cached = toMessages(known.get(relative), key)
      if (cached) return cached
      const messages = await inner.lint(job)
      known.set(relative, {key, messages} satisfies CacheEntry)
      changed = true
      return messages
    },
    async close() {
      try {
        if (changed && entries) await writeCache(folder, file, await entries)
      } finally {
        await inner.close()
      }
    }
  }
}

/** The entries of the cache file by path, unchecked (each is checked when its path is looked up); none if it is missing or malformed. */
async function readCache(file: string): Promise<Map<string, unknown>> {
  try {
    const data: unknown = JSON.parse(await readFile(file, 'utf8'))
    if (isRecord(data) && data['schema'] === cacheSchema && isRecord(data['entries']) && !Array.isArray(data['entries'])) {
      return new Map(Object.entries(data['entries']))
    }
  } catch {}

  return new Map()
}

/** The messages of an entry, if it is well formed and for `key`. */
function toMessages(entry: unknown, key: string): SerializedMessage[] | undefined {
  if (!isRecord(entry) || entry['key'] !== key || !Array.isArray(entry['messages'])) return undefined
  const messages: SerializedMessage[] = []
  for (const item of entry['messages'] as unknown[]) {
    const message = toMessage(item)
    if (!message) return undefined
    messages.push(message)
  }

  return messages
}

/** Write the cache file (creating the folder, with a `.gitignore` so it is never committed); errors are ignored. */
async function writeCache(folder: string, file: string, entries: ReadonlyMap<string, unknown>): Promise<void> {
  const temporary = file + '.' + process.pid + '-' + randomBytes(6).toString('hex') + '.tmp'
  try {
    await mkdir(folder, {recursive: true})
    await writeFile(path.join(folder, '.gitignore'), '# Created by retext-credibility --cache\n*\n', {flag: 'wx'}).catch(() => {})
    await writeFile(temporary, JSON.stringify({schema: cacheSchema, entries: Object.fromEntries(entries)}))
    await rename(temporary, file)
  } catch {
    await rm(temporary, {force: true}).catch(() => {})
  }
}

/** Check a cached message and give it every field a fresh one has. */
function toMessage(value: unknown): SerializedMessage | undefined {
  if (!isRecord(value) || typeof value['reason'] !== 'string') return undefined
  const strings = ['ruleId', 'source', 'actual', 'note', 'url'] as const
  for (const field of strings) if (value[field] !== undefined && typeof value[field] !== 'string') return undefined
  const fatal = value['fatal']
  if (fatal !== undefined && typeof fatal !== 'boolean') return undefined
  const expected = value['expected']
  if (expected !== undefined && !(Array.isArray(expected) && expected.every((d) => typeof d === 'string'))) return undefined
  let place: SerializedMessage['place']
  if (value['place'] !== undefined) {
    const data = value['place']
    const start = isRecord(data) ? toPoint(data['start']) : undefined
    const end = isRecord(data) ? toPoint(data['end']) : undefined
    if (!start || !end) return undefined
    place = {start, end}
  }

  return {
    reason: value['reason'],
    ruleId: value['ruleId'] as string | undefined,
    source: value['source'] as string | undefined,
    fatal,
    place,
    actual: value['actual'] as string | undefined,
    expected: expected as string[] | undefined,
    note: value['note'] as string | undefined,
    url: value['url'] as string | undefined
  }
}

function toPoint(value: unknown): {line: number; column: number; offset?: number | undefined} | undefined {
  if (!isRecord(value) || typeof value['line'] !== 'number' || typeof value['column'] !== 'number') return undefined
  const offset = value['offset']
  if (offset !== undefined && typeof offset !== 'number') return undefined
  return offset === undefined ? {line: value['line'], column: value['column']} : {line: value['line'], column: value['column'], offset}
}

function hash(value: string): string {
  return createHash('sha256').update(value).digest('hex')
}

/** JSON with object keys sorted at every level, so equal config gives equal keys whatever its key order. */
function stableStringify(value: unknown): string {
  return JSON.stringify(value, function (_key, item: unknown) {
    if (!isRecord(item) || Array.isArray(item)) return item
    const sorted: Record<string, unknown> = {}
    for (const key of Object.keys(item).sort()) sorted[key] = item[key]
    return sorted
  })
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}

