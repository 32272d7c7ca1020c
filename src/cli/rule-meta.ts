import {docsBase} from '../engine/identity.js'
import type {Level} from '../engine/types.js'
import {proseRules, ruleFamilies} from '../rule-catalog.js'

/** What a report needs to know about a rule id: SARIF's `tool.driver.rules` and docs links. */
export interface RuleMeta {
  readonly id: string
  readonly summary: string
  readonly level: Level
  readonly url: string
}

const cliDocs = docsBase.replace(/rules\/$/, '') + 'README.md'

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

const inputRules: readonly RuleMeta[] = [
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

const controlRules: readonly RuleMeta[] = [
  {id: 'unused-suppression', level: 'info' as Level, summary: 'An inline suppression comment that suppressed nothing'},
  {id: 'unknown-control-keyword', level: 'warn' as Level, summary: 'An inline control comment with a keyword other than ignore, disable or enable'},
  {id: 'unknown-control-rule', level: 'warn' as Level, summary: 'An inline control comment naming a rule id that does not exist'}
].map((d) => ({...d, url: cliDocs + '#inline-suppression'}))

/** Every rule id a report can contain, with its summary, default level and docs link, in a stable order. */
export const ruleMeta: readonly RuleMeta[] = [
  ...ruleFamilies.flatMap((family) =>
    Object.entries(family.rules).map(([id, info]) => ({
      id,
      summary: info.summary,
      level: info.level,
      url: docsBase + (info.folder ?? family.id) + '/readme.md#' + id
    }))
  ),
  ...Object.entries(proseRules).map(([id, info]) => ({id, summary: info.summary, level: info.level, url: info.url})),
  ...controlRules,
  ...inputRules
]
