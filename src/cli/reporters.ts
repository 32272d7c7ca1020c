import type {VFile} from 'vfile'
import type {ReporterName} from './report-names.js'
import type {ConfigProblem} from './triage.js'
import {visibleFiles} from './visible.js'

/** Everything a reporter may use. */
export interface ReportInput {
  readonly files: readonly VFile[]
  readonly cwd: string
  readonly quiet: boolean
  readonly silent: boolean
  readonly verbose: boolean
  readonly color: boolean
  readonly configProblems: readonly ConfigProblem[]
  readonly workspace: string | undefined
}

/**
 * Each reporter's module, loaded when a run asks for it: the human one is
 * `vfile-reporter` with its terminal helpers, SARIF carries the rule catalog
 * and fingerprinting, and a run needs only the ones it writes (a fully
 * cached run is mostly start-up). `loadReporters` starts loading them while
 * the files are linted; `render` waits for the same imports.
 */
const reporterModules = {
  human: async () => import('vfile-reporter'),
  json: async () => import('vfile-reporter-json'),
  sarif: async () => import('./report-sarif.js'),
  github: async () => import('./report-github.js')
} as const satisfies Record<ReporterName, () => Promise<unknown>>

/** Start loading the reporters of a run, so that they are ready when linting is done (a failure surfaces in `render`). */
export function loadReporters(names: readonly ReporterName[]): void {
  for (const name of new Set(names)) reporterModules[name]().catch(() => undefined)
}

/** Render one report as text (without a final newline), so that all reporters share filtering and can go to stdout or a file. */
export async function render(name: ReporterName, input: ReportInput): Promise<string> {
  const visibility = {quiet: input.quiet, silent: input.silent}
  switch (name) {
    case 'json': {
      const {reporterJson} = await reporterModules.json()
      return reporterJson([...input.files], visibility)
    }

    case 'sarif': {
      const {sarifReport} = await reporterModules.sarif()
      return sarifReport(visibleFiles(input.files, visibility), {cwd: input.cwd, configProblems: input.configProblems})
    }

    case 'github': {
      const {githubReport} = await reporterModules.github()
      return githubReport(visibleFiles(input.files, visibility), {cwd: input.cwd, workspace: input.workspace})
    }

    default: {
      const {reporter} = await reporterModules.human()
      return reporter([...input.files], {...visibility, verbose: input.verbose, color: input.color})
    }
  }
}
