import {resolve} from 'node:path'
import {PassThrough, Writable} from 'node:stream'
import {engine} from 'unified-engine'
import {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import type {Linter} from '../cli/linter.js'
import type {Format} from '../engine/types.js'
import {engineSettings, settleMessages} from '../engine-options.js'
import type {ClientSettings} from './client-settings.js'

/** One document to lint, as the editor has it now (maybe unsaved). */
export interface LintRequest {
  /** Absolute path: the real one, or a stand-in in the workspace for unsaved documents. */
  readonly path: string
  /** The editor's text, which may differ from the file on disk. */
  readonly value: string
  /** Folder that relative ignore paths resolve from: the workspace folder. */
  readonly cwd: string
  readonly format: Format
  readonly settings: ClientSettings
}

/**
 * Lint a document through unified-engine with the CLI's settings, so the
 * editor honours the same config files, ignore files and inline comments.
 * A new engine run per call reads config afresh: an edited
 * `.retext-credibilityrc` applies on the next lint, with nothing to expire.
 *
 * Resolves to the messages, or `undefined` when the document is ignored
 * (ignore file, or `requireConfig` without a config file).
 */
export async function lintDocument(request: LintRequest, linter: Linter): Promise<VFileMessage[] | undefined> {
  const file = new VFile({path: request.path, value: request.value, cwd: request.cwd})
  return new Promise((done) => {
    engine(
      {
        ...engineSettings(linter, {format: request.format}),
        cwd: request.cwd,
        files: [file],
        // Never fall back to stdin: it carries the protocol.
        streamIn: new PassThrough(),
        streamOut: discard(),
        streamError: discard(),
        out: false,
        // Diagnostics replace the report: skip formatting one.
        reporter: () => '',
        silentlyIgnore: true,
        ignoreUnconfigured: request.settings.requireConfig,
        ...(request.settings.ignorePath ? {ignorePath: resolve(request.cwd, request.settings.ignorePath)} : {})
      },
      (error, _code, context) => {
        if (error) {
          const message = new VFileMessage('Cannot lint this document', {cause: error})
          message.fatal = true
          done([message])
          return
        }

        const result = context?.files.find((d) => d === file)
        if (result) settleMessages(result)
        done(result && !result.data.unifiedEngineIgnored ? result.messages : undefined)
      }
    )
  })
}

/** The engine reports to streams; the editor shows diagnostics instead. */
function discard(): Writable {
  return new Writable({
    write(_chunk, _encoding, callback) {
      callback()
    }
  })
}
