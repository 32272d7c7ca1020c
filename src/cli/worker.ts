import {lintJob, type LintJob, type SerializedMessage} from './linter.js'

/**
 * Worker entry of the pool (`src/cli/pool.ts`): lint one job in this
 * thread. Errors do not cross a worker boundary intact (structured clone
 * keeps only built-in error names and drops `code` and `cause`), so they are
 * sent as plain data and rebuilt on the other side with `restoreError`:
 * the CLI then reports a crash or a config error exactly as in one thread.
 */
export default async function lintInWorker(job: LintJob): Promise<WorkerResult> {
  try {
    return {ok: true, messages: await lintJob(job)}
  } catch (error) {
    return {ok: false, error: serializeError(error)}
  }
}

/** What a worker sends back. */
export type WorkerResult = {readonly ok: true; readonly messages: SerializedMessage[]} | {readonly ok: false; readonly error: SerializedError}

/** An error as plain data: what the CLI's triage looks at (name, message, stack, errno `code`, causes). */
export interface SerializedError {
  readonly name: string
  readonly message: string
  readonly stack: string | undefined
  readonly code: string | undefined
  readonly cause: SerializedError | undefined
  /** A thrown value that is not an `Error`. */
  readonly value: string | undefined
}

/** Turn anything thrown into plain data (causes at most 10 deep). */
export function serializeError(error: unknown, depth = 0): SerializedError {
  if (!(error instanceof Error)) {
    return {name: 'Error', message: String(error), stack: undefined, code: undefined, cause: undefined, value: String(error)}
  }

  const code = 'code' in error && typeof error.code === 'string' ? error.code : undefined
  return {
    name: error.name,
    message: error.message,
    stack: error.stack,
    code,
    cause: error.cause !== undefined && depth < 10 ? serializeError(error.cause, depth + 1) : undefined,
    value: undefined
  }
}

/** Rebuild an error from plain data: same name, message, stack, `code` and causes (a thrown non-error comes back as its string). */
export function restoreError(data: SerializedError): unknown {
  if (data.value !== undefined) return data.value
  const error = new Error(data.message, data.cause ? {cause: restoreError(data.cause)} : undefined)
  error.name = data.name
  if (data.stack !== undefined) error.stack = data.stack
  if (data.code !== undefined) Object.assign(error, {code: data.code})
  return error
}
