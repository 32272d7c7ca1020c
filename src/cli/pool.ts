import {createHash} from 'node:crypto'
import {createInlineLinter, type Linter} from './linter.js'

/**
 * Minimal stand-in for the worker pool and cache: the CLI only depends on
 * these two exports and their signatures, the internals get replaced.
 */

/** Options of `createLinter`, as the CLI parses them from its flags. */
export interface LinterOptions {
  /** Worker threads (`--jobs`; default: the number of CPUs). */
  readonly jobs: number
  /** Reuse results of unchanged files (`--cache`; default: `false`). */
  readonly cache: boolean
  /** Cache folder, absolute (`--cache-location`; default: `<cwd>/.retext-credibility-cache`). */
  readonly cacheLocation: string
  /** Folder the run is relative to. */
  readonly cwd: string
}

/** One shard of a file list, as given to `--shard 2/4`: `index` is 1-based. */
export interface Shard {
  readonly index: number
  readonly count: number
}

/** Create the linter the CLI hands every document to, so a pool and a cache can sit behind one interface. */
export function createLinter(_options: LinterOptions): Linter {
  return createInlineLinter()
}

/**
 * Whether a file belongs to a shard, by a stable hash of its path relative
 * to the run's folder (POSIX separators), so every CI runner agrees on the
 * split without talking to the others.
 */
export function inShard(path: string, shard: Shard): boolean {
  if (shard.count <= 1) return true
  const hash = createHash('sha1').update(path).digest()
  return hash.readUInt32BE(0) % shard.count === shard.index - 1
}
