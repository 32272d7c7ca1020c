import type {Root} from 'nlcst'
import {unified, type Processor} from 'unified'
import {VFile, type Compatible} from 'vfile'
import {addresses, type LintOptions} from './config.js'
import {applyControl} from './engine/control.js'
import {credibilityParse} from './parse/index.js'
import {retextCredibility} from './preset.js'

/** The kinds of input `lint` takes. */
export type Input = string | Uint8Array | VFile

/**
 * A unified processor that parses Markdown, HTML or plain text (by
 * `options.format`, else the file extension), runs the preset, and applies
 * inline control comments. Its compiler outputs nothing: it only lints.
 */
export function createProcessor(options: LintOptions = {}): Processor<Root, Root, Root, Root, string> {
  const {format, ...rest} = options
  return unified()
    .use(credibilityParse, {format})
    .use(retextCredibility, rest)
    .use(function () {
      return function (_tree, file) {
        const facts = file.data.credibility
        if (facts) applyControl(file, facts, addresses)
      }
    })
    .use(function () {
      this.compiler = () => ''
    }) as unknown as Processor<Root, Root, Root, Root, string>
}

/**
 * Lint a document and return its file with messages.
 *
 * Input is a string, bytes (UTF-8) or a `VFile`; give a `VFile` with a path
 * to pick the format by extension.
 */
export async function lint(input: Input, options: LintOptions = {}): Promise<VFile> {
  const file = input instanceof VFile ? input : new VFile(input as Compatible)
  const processor = createProcessor(options)
  const tree = processor.parse(file)
  await processor.run(tree, file)
  return file
}
