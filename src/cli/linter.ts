import {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import type {LintOptions} from '../config.js'

/** A message as it crosses a worker boundary or sits in the cache: plain data. */
export interface SerializedMessage {
  readonly reason: string
  readonly ruleId: string | undefined
  readonly source: string | undefined
  readonly fatal: boolean | undefined
  readonly place: {readonly start: {line: number; column: number; offset?: number | undefined}; readonly end: {line: number; column: number; offset?: number | undefined}} | undefined
  readonly actual: string | undefined
  readonly expected: readonly string[] | undefined
  readonly note: string | undefined
  readonly url: string | undefined
}

/** One job: a document, where it came from, and the options that apply to it. */
export interface LintJob {
  readonly path: string | undefined
  readonly value: string
  readonly options: LintOptions
}

/** Lints documents; the CLI swaps in a worker pool and a cache behind this interface. */
export interface Linter {
  readonly lint: (job: LintJob) => Promise<SerializedMessage[]>
  readonly close: () => Promise<void>
}

let processor: Promise<typeof import('../processor.js')> | undefined

/** Lint one job in this thread and return plain messages. */
export async function lintJob(job: LintJob): Promise<SerializedMessage[]> {
  // Loaded on the first document this thread lints: a fully cached run, or the main thread of a pooled one, never needs it.
  processor ??= import('../processor.js')
  const {lint} = await processor
  const file = new VFile({value: job.value, ...(job.path ? {path: job.path} : {})})
  await lint(file, job.options)
  return file.messages.map((message) => serializeMessage(message))
}

/** Turn a vfile message into plain data. */
export function serializeMessage(message: VFileMessage): SerializedMessage {
  const place = message.place && 'start' in message.place ? message.place : undefined
  return {
    reason: message.reason,
    ruleId: message.ruleId,
    source: message.source,
    fatal: message.fatal ?? undefined,
    place: place ? {start: {...place.start}, end: {...place.end}} : undefined,
    actual: message.actual,
    expected: message.expected,
    note: message.note,
    url: message.url
  }
}

/** Add plain messages back onto a file as vfile messages, identical to linting in this thread. */
export function restoreMessages(file: VFile, messages: readonly SerializedMessage[]): void {
  for (const data of messages) {
    const message = new VFileMessage(data.reason, {
      ...(data.place ? {place: data.place} : {}),
      ...(data.ruleId ? {ruleId: data.ruleId} : {}),
      ...(data.source ? {source: data.source} : {})
    })
    message.file = file.path ?? ''
    if (data.fatal === undefined) Reflect.deleteProperty(message, 'fatal')
    else message.fatal = data.fatal
    if (data.actual !== undefined) message.actual = data.actual
    if (data.expected !== undefined) message.expected = [...data.expected]
    if (data.note !== undefined) message.note = data.note
    if (data.url !== undefined) message.url = data.url
    file.messages.push(message)
  }
}

/**
 * A linter that works in this thread, with no cache, one document at a time.
 * unified-engine hands over every file at once; `lint` is asynchronous between
 * parsing and running the rules, so without a queue every document would be
 * parsed before any was finished, and all their trees would be alive at once.
 */
export function createInlineLinter(): Linter {
  let queue: Promise<unknown> = Promise.resolve()
  return {
    lint(job) {
      const result = queue.then(() => lintJob(job))
      queue = result.catch(() => undefined)
      return result
    },
    close: async () => {}
  }
}
