import {docsBase} from '../engine/identity.js'
import type {Level} from '../engine/types.js'
import {proseRules, ruleFamilies} from '../rule-catalog.js'
import {cliDocs, inputRules, type RuleMeta} from './input-rules.js'

export type {RuleMeta} from './input-rules.js'

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
