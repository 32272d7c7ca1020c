import {ConfigError, parseSetting} from './engine/severity.js'
import type {Format, Level, RuleSetting} from './engine/types.js'
import {proseRules, ruleFamilies} from './rule-catalog.js'

/** Options of the `retextCredibility` preset, and the shape of config files. */
export interface CredibilityOptions {
  /**
   * Setting per rule id, or per family prefix (`promotional` addresses
   * `promotional` and `promotional-call-to-action`; `affiliate` every
   * affiliate rule); the longest matching key wins (default: `{}`).
   */
  readonly rules?: Readonly<Record<string, RuleSetting>> | undefined
  /** Phrases never to flag, in any rule (default: `[]`). */
  readonly ignore?: readonly string[] | undefined
  /** Extra phrases to flag, per rule family (default: `{}`). */
  readonly flag?: Readonly<Partial<Record<'vague-sourcing' | 'promotional' | 'affiliate-disclosure', readonly string[]>>> | undefined
  /** The site's layout adds an affiliate disclosure above every page (default: `false`). */
  readonly siteDisclosure?: boolean | undefined
}

/** Options of `lint()`: the preset's options plus the input format. */
export interface LintOptions extends CredibilityOptions {
  /** Input format (default: from the file extension, else `'markdown'`). */
  readonly format?: Format | undefined
}

/** Every rule id the preset knows, with its default level, in the order the preset runs them. */
export const knownRuleIds: ReadonlyMap<string, Level> = new Map<string, Level>([
  ...ruleFamilies.flatMap((family) => Object.entries(family.rules).map(([id, info]) => [id, info.level] as const)),
  ...Object.entries(proseRules).map(([id, info]) => [id, info.level] as const)
])

const formats = new Set(['markdown', 'html', 'text'])
const flagFamilies = new Set(['vague-sourcing', 'promotional', 'affiliate-disclosure'])

/**
 * Validate config (from a file, `package.json`, the API or the editor) and
 * return it typed; throws a `ConfigError` naming the key and the value.
 */
export function parseConfig(value: unknown, allowFormat = false): LintOptions {
  if (value === undefined || value === null) return {}
  if (!isRecord(value)) throw new ConfigError('(root)', value, 'an object')
  const allowed = ['rules', 'ignore', 'flag', 'siteDisclosure', ...(allowFormat ? ['format'] : [])]
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) throw new ConfigError(key, value[key], 'no such key (known: ' + allowed.map((d) => '`' + d + '`').join(', ') + ')')
  }

  const rules = value['rules']
  if (rules !== undefined) {
    if (!isRecord(rules)) throw new ConfigError('rules', rules, 'an object of rule ids to settings')
    for (const [id, setting] of Object.entries(rules)) {
      if (!addresses(id)) throw new ConfigError('rules.' + id, id, 'a rule id or family (' + [...knownRuleIds.keys()].map((d) => '`' + d + '`').join(', ') + ')')
      parseSetting(setting, 'rules.' + id)
    }
  }

  const ignore = value['ignore']
  if (ignore !== undefined && !isStringList(ignore)) throw new ConfigError('ignore', ignore, 'a list of phrases')
  const flag = value['flag']
  if (flag !== undefined) {
    if (!isRecord(flag)) throw new ConfigError('flag', flag, 'an object of families to phrase lists')
    for (const [family, list] of Object.entries(flag)) {
      if (!flagFamilies.has(family)) throw new ConfigError('flag.' + family, family, 'one of `vague-sourcing`, `promotional`, `affiliate-disclosure`')
      if (!isStringList(list)) throw new ConfigError('flag.' + family, list, 'a list of phrases')
    }
  }

  if (value['siteDisclosure'] !== undefined && typeof value['siteDisclosure'] !== 'boolean') {
    throw new ConfigError('siteDisclosure', value['siteDisclosure'], '`true` or `false`')
  }

  if (value['format'] !== undefined && !formats.has(String(value['format']))) {
    throw new ConfigError('format', value['format'], "`'markdown'`, `'html'` or `'text'`")
  }

  return value as LintOptions
}

/** Whether a config key addresses any known rule id (exactly, or as a family prefix). */
export function addresses(key: string): boolean {
  for (const id of knownRuleIds.keys()) if (id === key || id.startsWith(key + '-')) return true
  return false
}

/** The setting that applies to a rule id: the longest key that addresses it. */
export function settingFor(rules: Readonly<Record<string, RuleSetting>> | undefined, ruleId: string): {key: string; setting: RuleSetting} | undefined {
  if (!rules) return undefined
  let best: {key: string; setting: RuleSetting} | undefined
  for (const [key, setting] of Object.entries(rules)) {
    if ((ruleId === key || ruleId.startsWith(key + '-')) && (!best || key.length > best.key.length)) best = {key, setting}
  }

  return best
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((d) => typeof d === 'string')
}
