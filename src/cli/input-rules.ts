import {docsBase} from '../engine/identity.js'
import type {Level} from '../engine/types.js'

/*
 * The rules of the CLI's own messages about its input (missing, unreadable,
 * binary files): apart from the other rules' metadata, which loads every
 * rule, so a run that lints nothing itself (all cached, or in workers) does
 * not load them to label a problem.
 */

/** What a report needs to know about a rule id: SARIF's `tool.driver.rules` and docs links. */
export interface RuleMeta {
  readonly id: string
  readonly summary: string
  readonly level: Level
  readonly url: string
}

export const cliDocs = docsBase.replace(/rules\/$/, '') + 'README.md'

/** Rule ids of messages the CLI itself adds when it cannot lint a file. */
export const inputRuleIds = {
  missing: 'input-missing',
  unreadable: 'input-unreadable',
  binary: 'input-binary',
  tooLarge: 'input-too-large',
  empty: 'input-empty',
  noFiles: 'input-no-files',
  crash: 'input-crash'
} as const

export const inputRules: readonly RuleMeta[] = [
  {id: inputRuleIds.missing, level: 'error', summary: 'A path given on the command line does not exist'},
  {id: inputRuleIds.unreadable, level: 'error', summary: 'A file could not be read'},
  {id: inputRuleIds.binary, level: 'error', summary: 'A file is binary or not UTF-8 text, so it was not linted'},
  {id: inputRuleIds.tooLarge, level: 'error', summary: 'A file is larger than `--max-file-size`, so it was not linted'},
  {id: inputRuleIds.empty, level: 'info', summary: 'A file has no text to lint'},
  {id: inputRuleIds.noFiles, level: 'error', summary: 'A folder or glob on the command line matched no files to lint'},
  {id: inputRuleIds.crash, level: 'error', summary: 'Linting a file failed unexpectedly (a bug in retext-credibility)'}
].map((d) => ({...d, level: d.level as Level, url: cliDocs + '#bad-input'}))

/** Docs link of an input rule id. */
export function inputRuleUrl(ruleId: string): string | undefined {
  return inputRules.find((rule) => rule.id === ruleId)?.url
}
