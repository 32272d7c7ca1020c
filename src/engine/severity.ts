import type {Level, RuleSetting, Severity} from './types.js'

/** Thrown for a bad severity or config value; `path` names the key, `value` the offending value. */
export class ConfigError extends Error {
  readonly path: string
  readonly value: unknown
  constructor(path: string, value: unknown, expected: string) {
    super('Unexpected ' + describe(value) + ' for `' + path + '`, expected ' + expected)
    this.name = 'ConfigError'
    this.path = path
    this.value = value
  }
}

const levels: Readonly<Record<string, Level>> = {off: 'off', info: 'info', warn: 'warn', warning: 'warn', error: 'error', 0: 'off', 1: 'warn', 2: 'error'}

/** Accepted severity spellings, for messages. */
export const severityNames = "`'off'`, `'info'`, `'warn'`, `'error'`, `0`, `1` or `2`"

/** Parse a severity (`'warn'`, `2`, …) into a level, or throw naming `path`. */
export function parseSeverity(value: unknown, path: string): Level {
  const level = typeof value === 'string' || typeof value === 'number' ? levels[String(value)] : undefined
  if (!level) throw new ConfigError(path, value, severityNames)
  return level
}

/** Parse a rule setting (`'warn'` or `['error', {…}]`) into a level and options. */
export function parseSetting(value: unknown, path: string): {level: Level; options: Readonly<Record<string, unknown>> | undefined} {
  if (Array.isArray(value)) {
    const [severity, options, ...rest] = value as unknown[]
    if (rest.length > 0) throw new ConfigError(path, value, 'a severity or `[severity, options]`')
    if (options !== undefined && (typeof options !== 'object' || options === null || Array.isArray(options))) {
      throw new ConfigError(path + '[1]', options, 'an object of rule options')
    }

    return {level: parseSeverity(severity, path + '[0]'), options: options as Record<string, unknown> | undefined}
  }

  return {level: parseSeverity(value, path), options: undefined}
}

/** `fatal` for a level: errors are fatal, warnings not, info unset. */
export function fatalFor(level: Level): boolean | undefined {
  return level === 'error' ? true : level === 'warn' ? false : undefined
}

/** Describe a value for an error message, in backticks. */
export function describe(value: unknown): string {
  let text: string
  try {
    text = JSON.stringify(value) ?? String(value)
  } catch {
    text = String(value)
  }

  return '`' + (text.length > 60 ? text.slice(0, 57) + '...' : text) + '`'
}

export type {Severity, RuleSetting}
