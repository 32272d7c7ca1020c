import {pathToFileURL} from 'node:url'
import type {VFileMessage} from 'vfile-message'
import type {Level} from '../engine/types.js'
import {fingerprint} from './fingerprint.js'
import {relativePath} from './paths.js'
import {ruleMeta, type RuleMeta} from './rule-meta.js'
import {toolHome, toolName, toolVersion} from './tool-info.js'
import type {ConfigProblem} from './triage.js'
import type {VisibleFile} from './visible.js'

/** What the SARIF report needs besides the files. */
export interface SarifOptions {
  readonly cwd: string
  readonly configProblems: readonly ConfigProblem[]
}

type SarifLevel = 'none' | 'note' | 'warning' | 'error'

const rootId = '%SRCROOT%'

/**
 * SARIF 2.1.0 for code scanning: every rule with its summary, docs link and
 * default level; every finding with a region relative to `%SRCROOT%` (the
 * working folder), a stable fingerprint, and the preferred fix; config
 * problems as tool configuration notifications.
 */
export function sarifReport(files: readonly VisibleFile[], options: SarifOptions): string {
  const rules: RuleMeta[] = [...ruleMeta]
  const indexOf = new Map(rules.map((rule, index) => [rule.id, index]))
  const results: unknown[] = []
  for (const {file, messages} of files) {
    const doc = String(file.value ?? '')
    const uri = file.path ? toUri(relativePath(options.cwd, file.path)) : undefined
    for (const message of messages) {
      const ruleId = message.ruleId ?? 'unknown'
      let ruleIndex = indexOf.get(ruleId)
      if (ruleIndex === undefined) {
        ruleIndex = rules.push({id: ruleId, summary: ruleId, level: 'warn', url: message.url ?? toolHome}) - 1
        indexOf.set(ruleId, ruleIndex)
      }

      results.push({
        ruleId,
        ruleIndex,
        level: levelOf(message.fatal),
        message: {text: message.note ? message.reason + '\n\n' + message.note : message.reason},
        locations: [{physicalLocation: {artifactLocation: artifact(uri), region: region(message)}}],
        partialFingerprints: {'retextCredibility/v1': fingerprint(message, doc)},
        ...fixesOf(message, uri)
      })
    }
  }

  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: toolName,
            version: toolVersion(),
            semanticVersion: toolVersion(),
            informationUri: toolHome,
            rules: rules.map((rule) => ({
              id: rule.id,
              shortDescription: {text: rule.summary},
              helpUri: rule.url,
              help: {text: rule.summary + '. See ' + rule.url},
              defaultConfiguration: {level: defaultLevel(rule.level)}
            }))
          }
        },
        invocations: [
          {
            executionSuccessful: options.configProblems.length === 0,
            toolConfigurationNotifications: options.configProblems.map((problem) => ({
              level: 'error',
              message: {text: problem.reason},
              ...(problem.file ? {locations: [{physicalLocation: {artifactLocation: artifact(toUri(problem.file))}}]} : {})
            }))
          }
        ],
        originalUriBaseIds: {[rootId]: {uri: pathToFileURL(options.cwd).href.replace(/\/?$/, '/')}},
        columnKind: 'utf16CodeUnits',
        results
      }
    ]
  }

  return JSON.stringify(log, undefined, 2)
}

function artifact(uri: string | undefined): Record<string, unknown> {
  return uri === undefined ? {description: {text: 'stdin'}} : {uri, uriBaseId: rootId}
}

function region(message: VFileMessage): Record<string, number> {
  const place = message.place && 'start' in message.place ? message.place : undefined
  if (!place) return {startLine: message.line ?? 1}
  return {startLine: place.start.line, startColumn: place.start.column, endLine: place.end.line, endColumn: place.end.column}
}

function fixesOf(message: VFileMessage, uri: string | undefined): {fixes?: unknown[]} {
  const preferred = message.expected?.[0]
  if (preferred === undefined || uri === undefined || !message.place || !('start' in message.place)) return {}
  return {
    fixes: [
      {
        description: {text: preferred === '' ? 'Remove `' + (message.actual ?? '') + '`' : 'Replace with `' + preferred + '`'},
        artifactChanges: [{artifactLocation: artifact(uri), replacements: [{deletedRegion: region(message), insertedContent: {text: preferred}}]}]
      }
    ]
  }
}

function levelOf(fatal: boolean | null | undefined): SarifLevel {
  return fatal === true ? 'error' : fatal === false ? 'warning' : 'note'
}

function defaultLevel(level: Level): SarifLevel {
  return level === 'error' ? 'error' : level === 'warn' ? 'warning' : level === 'info' ? 'note' : 'none'
}

function toUri(relative: string): string {
  return relative.split('/').map((d) => encodeURIComponent(d)).join('/')
}
