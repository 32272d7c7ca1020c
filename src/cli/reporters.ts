import type {VFile} from 'vfile'
import {reporter} from 'vfile-reporter'
import {reporterJson} from 'vfile-reporter-json'
import {githubReport} from './report-github.js'
import type {ReporterName} from './report-names.js'
import {sarifReport} from './report-sarif.js'
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

/** Render one report as text (without a final newline), so that all reporters share filtering and can go to stdout or a file. */
export function render(name: ReporterName, input: ReportInput): string {
  const visibility = {quiet: input.quiet, silent: input.silent}
  switch (name) {
    case 'json': {
      return reporterJson([...input.files], visibility)
    }

    case 'sarif': {
      return sarifReport(visibleFiles(input.files, visibility), {cwd: input.cwd, configProblems: input.configProblems})
    }

    case 'github': {
      return githubReport(visibleFiles(input.files, visibility), {cwd: input.cwd, workspace: input.workspace})
    }

    default: {
      return reporter([...input.files], {...visibility, verbose: input.verbose, color: input.color})
    }
  }
}
