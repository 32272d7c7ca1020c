import path from 'node:path'
import type {VFileMessage} from 'vfile-message'
import {relativePath} from './paths.js'
import {toolName} from './tool-info.js'
import type {VisibleFile} from './visible.js'

/** Where GitHub Actions checked out the repository (`GITHUB_WORKSPACE`), if it did: annotation paths are relative to it. */
export interface GithubOptions {
  readonly cwd: string
  readonly workspace: string | undefined
}

/**
 * GitHub Actions workflow commands, one per finding
 * (`::warning file=…,line=…,col=…,endLine=…,endColumn=…,title=…::…`), which
 * the runner turns into annotations on the pull request's diff.
 */
export function githubReport(files: readonly VisibleFile[], options: GithubOptions): string {
  const lines: string[] = []
  for (const {file, messages} of files) {
    const name = file.path ? displayPath(file.path, options) : undefined
    for (const message of messages) lines.push(command(message, name))
  }

  return lines.join('\n')
}

function command(message: VFileMessage, file: string | undefined): string {
  const kind = message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'notice'
  const place = message.place && 'start' in message.place ? message.place : undefined
  const properties: Array<[string, string | number]> = []
  if (file !== undefined) properties.push(['file', file])
  if (place) {
    properties.push(['line', place.start.line], ['col', place.start.column], ['endLine', place.end.line], ['endColumn', place.end.column])
  } else if (message.line !== undefined) {
    properties.push(['line', message.line])
  }

  properties.push(['title', (message.ruleId ?? 'message') + ' (' + toolName + ')'])
  const text = [message.reason, message.note, message.url].filter(Boolean).join('\n')
  return '::' + kind + ' ' + properties.map(([key, value]) => key + '=' + escapeProperty(String(value))).join(',') + '::' + escapeData(text)
}

function displayPath(file: string, options: GithubOptions): string {
  const absolute = path.resolve(options.cwd, file)
  if (options.workspace) {
    const fromWorkspace = relativePath(options.workspace, absolute)
    if (!fromWorkspace.startsWith('../') && !path.isAbsolute(fromWorkspace)) return fromWorkspace
  }

  return relativePath(options.cwd, absolute)
}

/** Escape message data the way the runner's toolkit does. */
function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

/** Escape a property value: data escapes plus `:` and `,`. */
function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C')
}
