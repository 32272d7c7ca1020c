/**
 * One wording for every message: values in backticks, no final period, as
 * remark-lint and retext do. A wording fix is one edit here.
 */

/** Quote a value for a message. */
export function code(value: string): string {
  const clean = value.replace(/\s+/g, ' ').trim()
  const short = clean.length > 80 ? clean.slice(0, 77) + '…' : clean
  return '`' + short.replace(/`/g, "'") + '`'
}

/** ``Unexpected <what> `x`, <advice>`` */
export function unexpected(what: string, actual: string, advice?: string): string {
  return 'Unexpected ' + what + ' ' + code(actual) + (advice ? ', ' + advice : '')
}

/** Advice to use one of the replacements, or to remove the words. */
export function replaceAdvice(expected: readonly string[], fallback: string): string {
  if (expected.length === 1 && expected[0] === '') return 'remove it'
  const options = expected.filter((d) => d !== '')
  if (options.length === 0) return fallback
  return 'use ' + options.map((d) => code(d)).join(', ').replace(/, ([^,]*)$/, ' or $1') + ' instead'
}

/** ``Found <what> `x` `` for informational findings. */
export function found(what: string, actual: string): string {
  return 'Found ' + what + ' ' + code(actual)
}
