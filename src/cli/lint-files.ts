import {Readable} from 'node:stream'
import type {VFile} from 'vfile'
import {engineSettings, fileExtensions, settleMessages} from '../engine-options.js'
import type {CliOptions} from './args.js'
import {applyBaseline, readBaseline, writeBaseline, type BaselineResult} from './baseline.js'
import {guardLinter} from './input-guard.js'
import {relativePath} from './paths.js'
import {createLinter, inShard} from './pool.js'
import {runEngine} from './run-engine.js'
import {addUnmatched, triage, type ConfigProblem} from './triage.js'
import {byPosition} from './visible.js'

/** The outcome of a run, ready to report: files with their final messages, config problems, and what the baseline did. */
export interface LintResult {
  readonly files: VFile[]
  readonly configProblems: readonly ConfigProblem[]
  readonly baseline: (BaselineResult & {readonly written: number | undefined}) | undefined
  /** Stack traces of files whose linting crashed, shown only when debugging. */
  readonly stacks: readonly string[]
}

/** Where the run happens and what stdin held (bytes), when the run reads stdin. */
export interface LintContext {
  readonly cwd: string
  readonly stdin: Uint8Array | undefined
}

/**
 * Lint what the options name through unified-engine (globs, ignore files,
 * config discovery), then turn engine failures into clear messages, keep
 * only this shard's files, and apply or write the baseline.
 */
export async function lintFiles(options: CliOptions, context: LintContext): Promise<LintResult> {
  const {cwd, stdin} = context
  // Read the baseline first: a bad baseline should fail before minutes of linting.
  const baseline = options.baseline ? await readBaseline(options.baseline) : undefined
  const inputs = stdin ? [] : options.paths.length > 0 ? options.paths : ['.']
  const linter = guardLinter(createLinter({jobs: options.jobs, cache: options.cache, cacheLocation: options.cacheLocation, cwd}), {
    cwd,
    maxFileSize: options.maxFileSize,
    shard: options.shard,
    stdin
  })
  let found: VFile[]
  // Closed whatever happens: without `--cache` the pool (with a worker) has already started.
  try {
    const settings = engineSettings(linter, {format: stdin ? (options.stdinFormat ?? options.format) : options.format})
    found = await runEngine({
      ...settings,
      cwd,
      files: [...inputs],
      ...(stdin ? {streamIn: Readable.from([Buffer.from(stdin)])} : {}),
      ...(stdin && options.stdinFilename !== undefined ? {filePath: options.stdinFilename} : {}),
      ...(options.rcPath === undefined ? {} : {rcPath: options.rcPath}),
      // Stdin has no place in the tree unless `--stdin-filename` gives it one: then, and only then, its config is discovered.
      detectConfig: options.config && (!stdin || options.stdinFilename !== undefined),
      ignorePatterns: [...options.ignorePatterns],
      silentlyIgnore: true
    })
  } finally {
    await linter.close()
  }

  for (const file of found) settleMessages(file)
  const triaged = triage(found)
  let files = stdin ? triaged.files : addUnmatched(triaged.files, found, inputs, cwd, fileExtensions)
  const shard = options.shard
  if (shard && !stdin) files = files.filter((file) => !file.path || inShard(relativePath(cwd, file.path), shard))

  let baselineResult: LintResult['baseline']
  if (options.baselineWrite) {
    const written = await writeBaseline(options.baselineWrite, files)
    baselineResult = {...applyBaseline(files, written.baseline, options.baselineWrite), written: written.total}
  } else if (baseline && options.baseline) {
    baselineResult = {...applyBaseline(files, baseline, options.baseline), written: undefined}
  }

  for (const file of files) file.messages.sort(byPosition)
  return {files, configProblems: triaged.configProblems, baseline: baselineResult, stacks: triaged.stacks}
}
