import type {Root} from 'nlcst'
import {unified, type Plugin, type Processor} from 'unified'
import type {Options as EngineOptions} from 'unified-engine'
import type {VFile} from 'vfile'
import {restoreMessages, type Linter, type SerializedMessage} from './cli/linter.js'
import {parseConfig, type LintOptions} from './config.js'
import {extensions} from './parse/formats.js'

/** Config file and ignore file names, shared by the CLI and the language server. */
export const configNames = {
  rcName: '.retext-credibilityrc',
  packageField: 'retext-credibility',
  ignoreName: '.retext-credibilityignore'
} as const

/** unified-engine types plugins loosely. */
type EnginePlugin = Plugin<unknown[], undefined, undefined>

/** Every extension the CLI picks up in folders, without the dot. */
export const fileExtensions: readonly string[] = Object.values(extensions).flatMap((list) => list.map((d) => d.slice(1)))

/** Options that the shells add to config (a forced format). */
export interface ShellOptions {
  readonly format?: LintOptions['format']
}

/**
 * unified-engine settings shared by the CLI and the language server:
 * config discovery (`.retext-credibilityrc*`, `package.json`), ignore files,
 * and a processor that hands each file to `linter`.
 *
 * Config files hold this package's own shape (`{rules, ignore, flag,
 * siteDisclosure}`); `configTransform` validates it and turns it into the
 * engine's `{plugins}`, so a bad value fails that file with a message naming
 * the key and the value.
 */
export function engineSettings(linter: Linter, shell: ShellOptions = {}): Pick<EngineOptions, 'processor' | 'rcName' | 'packageField' | 'ignoreName' | 'configTransform' | 'defaultConfig' | 'extensions' | 'detectConfig'> {
  const plugin: Plugin<[LintOptions?], Root> = function (options) {
    return async function (_tree, file) {
      const messages = await linter.lint({path: file.path, value: String(file), options: {...options, ...(shell.format ? {format: shell.format} : {})}})
      // Held back until the engine is done (see `settleMessages`): an error-level finding is
      // `fatal`, and unified-engine's queue step drops a file that turns fatal before it reaches
      // the queue, then waits forever for the files it flushed without it.
      file.data.credibilityPending = messages
    }
  }

  return {
    processor: emptyProcessor,
    ...configNames,
    detectConfig: true,
    extensions: [...fileExtensions],
    configTransform(config: unknown) {
      return {plugins: [[plugin as EnginePlugin, parseConfig(config)]]}
    },
    defaultConfig: {plugins: [[plugin as EnginePlugin, {}]]}
  }
}

/** Put the findings the linter held back onto the file; call once the engine has finished. */
export function settleMessages(file: VFile): void {
  const pending = file.data.credibilityPending
  if (!pending) return
  delete file.data.credibilityPending
  restoreMessages(file, pending)
}

declare module 'vfile' {
  interface DataMap {
    /** Findings of the linter, kept off `file.messages` while unified-engine runs. */
    credibilityPending: readonly SerializedMessage[]
  }
}

/**
 * The engine's own processor does no work: parsing happens in the linter (maybe in a worker).
 * The engine calls this once per run and then configures the result, so it must not be frozen.
 */
function emptyProcessor(): Processor<Root, Root, Root, Root, string> {
  return unified()
    .use(function () {
      this.parser = () => ({type: 'RootNode', children: []})
      this.compiler = () => ''
    }) as unknown as Processor<Root, Root, Root, Root, string>
}
