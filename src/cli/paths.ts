import path from 'node:path'

/** A path relative to `from`, with `/` separators on every platform, so reports, shards and baselines agree across machines. */
export function relativePath(from: string, file: string): string {
  return path.relative(from, path.resolve(from, file)).split(path.sep).join('/')
}
