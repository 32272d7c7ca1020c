import {statSync} from 'node:fs'
import path from 'node:path'
import {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import {source} from '../engine/identity.js'
import {inputRuleIds, inputRuleUrl} from './rule-meta.js'
import {toolName} from './tool-info.js'

/** A config file that could not be loaded or is invalid, and how many files it kept from being linted. */
export interface ConfigProblem {
  /** The config file, relative to the run's folder (when known). */
  readonly file: string | undefined
  /** One line: what is wrong, naming the key and the value. */
  readonly reason: string
  count: number
}

/**
 * Rewrite the engine's failures into one-line messages with rule ids (no
 * causes, so no stack traces reach a report), and take out files that failed
 * because of their config: those are one problem of the config file, told once.
 */
export function triage(files: readonly VFile[]): {files: VFile[]; configProblems: ConfigProblem[]; stacks: string[]} {
  const problems = new Map<string, ConfigProblem>()
  const stacks: string[] = []
  const kept: VFile[] = []
  for (const file of files) {
    let configFailed = false
    file.messages = file.messages.map((message) => {
      if (message.cause === undefined && !engineReasons.has(message.reason)) return message
      const chain = causeChain(message.cause)
      const config = chain.findIndex((d) => configFailure.test(d.message) || d.name === 'ConfigError')
      if (config !== -1) {
        const head = chain[config]!
        const file = configFailure.exec(head.message)?.[1]
        const detail = (file === undefined ? chain.slice(config) : chain.slice(config + 1)).map((d) => describe(d))
        const reason = detail.length > 0 ? detail.join(': ') : head.message
        const key = (file ?? '') + '\u0000' + reason
        const problem = problems.get(key) ?? {file, reason, count: 0}
        problem.count++
        problems.set(key, problem)
        configFailed = true
        return message
      }

      if (message.reason === 'No such file or folder' || message.reason === 'Cannot find file') {
        return failure(file, inputRuleIds.missing, 'No such file or folder', 'Check the path; globs need quotes so that the shell does not expand them.')
      }

      const detail = chain.map((d) => describe(d)).join(': ')
      if (message.reason === 'Cannot read folder' || chain.some((d) => errnoCode(d))) {
        return failure(file, inputRuleIds.unreadable, 'Cannot read file' + (detail ? ': ' + detail : ''), 'Check that the file exists and that you may read it.')
      }

      const deepest = chain.at(-1)
      if (deepest?.stack) stacks.push((file.path || '<stdin>') + ': ' + deepest.stack)
      return failure(
        file,
        inputRuleIds.crash,
        'Cannot lint file, ' + toolName + ' failed' + (detail ? ': ' + detail : ''),
        'This is a bug: please report it with the file (run with DEBUG=' + toolName + ' for a stack trace).'
      )
    })
    if (!configFailed) kept.push(file)
  }

  return {files: kept, configProblems: [...problems.values()], stacks}
}

/**
 * Add a failing entry for every folder or glob on the command line that gave
 * no files (among all `engineFiles`, linted or not), so a typo in
 * a CI job does not pass by linting nothing.
 */
export function addUnmatched(files: VFile[], engineFiles: readonly VFile[], inputs: readonly string[], cwd: string, extensions: readonly string[]): VFile[] {
  const found = engineFiles.map((file) => path.resolve(cwd, file.path))
  const result = [...files]
  const globs: string[] = []
  const claimed = new Set<string>()
  for (const input of inputs) {
    if (isGlob(input)) {
      globs.push(input)
      continue
    }

    const absolute = path.resolve(cwd, input)
    let folder = false
    try {
      folder = statSync(absolute).isDirectory()
    } catch {
      // Missing paths get their own message from the engine.
    }

    const inside = found.filter((d) => d === absolute || (folder && d.startsWith(absolute + path.sep)))
    for (const d of inside) claimed.add(d)
    if (folder && inside.length === 0) result.push(unmatched(input, cwd, 'No files to lint in folder', extensions))
  }

  if (globs.length > 0 && found.every((d) => claimed.has(d))) {
    for (const glob of globs) result.push(unmatched(glob, cwd, 'No files to lint match glob', extensions))
  }

  return result.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
}

const configFailure = /^Cannot (?:parse|read)(?: given)? file `([^`]+)`/
const engineReasons = new Set(['No such file or folder', 'Cannot find file', 'Cannot read folder', 'Cannot process file', 'Cannot transform file'])

function unmatched(input: string, cwd: string, reason: string, extensions: readonly string[]): VFile {
  const file = new VFile({path: input, cwd})
  const note = 'Looked for ' + extensions.map((d) => '`.' + d + '`').join(', ') + ' files not excluded by `.retext-credibilityignore` or `--ignore-pattern`.'
  file.messages.push(failure(file, inputRuleIds.noFiles, reason, note))
  return file
}

function failure(file: VFile, ruleId: string, reason: string, note: string): VFileMessage {
  const message = new VFileMessage(reason, {ruleId, source})
  message.file = file.path
  message.fatal = true
  message.note = note
  const url = inputRuleUrl(ruleId)
  if (url) message.url = url
  return message
}

function isGlob(value: string): boolean {
  return /[*?[\]{}]|[!@+]\(/.test(value)
}

function causeChain(cause: unknown): Error[] {
  const chain: Error[] = []
  let current = cause
  while (current instanceof Error && chain.length < 10) {
    chain.push(current)
    current = current.cause
  }

  return chain
}

const errnoText: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOENT: 'no such file',
  EISDIR: 'it is a folder',
  ELOOP: 'too many symbolic links (a link loop?)',
  ENAMETOOLONG: 'the name is too long',
  EIO: 'input/output error',
  EMFILE: 'too many open files'
}

/** One error as one line: errno codes in words, the first line of anything else. */
function describe(error: Error): string {
  const code = errnoCode(error)
  if (code && errnoText[code]) return errnoText[code] + ' (' + code + ')'
  return (error.message.split('\n')[0] ?? '').trim()
}

function errnoCode(error: Error): string | undefined {
  return 'code' in error && typeof error.code === 'string' && /^E[A-Z]+$/.test(error.code) ? error.code : undefined
}
