import {readFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

/** The CLI's name, as typed and as shown in reports. */
export const toolName = 'retext-credibility'

/** Where people find the project, for SARIF's `informationUri`. */
export const toolHome = 'https://github.com/retext-credibility/retext-credibility'

let cached: string | undefined

/** The package version, read from `package.json` above this file (so source and build agree), for `--version` and SARIF. */
export function toolVersion(): string {
  if (cached) return cached
  let folder = path.dirname(fileURLToPath(import.meta.url))
  for (;;) {
    try {
      const data = JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8')) as {name?: unknown; version?: unknown}
      if (data.name === toolName && typeof data.version === 'string') return (cached = data.version)
    } catch {
      // Not here: look further up.
    }

    const parent = path.dirname(folder)
    if (parent === folder) return (cached = '0.0.0')
    folder = parent
  }
}
