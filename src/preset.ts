import type {Root} from 'nlcst'
import type {Plugin, Transformer} from 'unified'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {affiliateDisclosure} from '../rules/affiliate-disclosure/rule.js'
import {promotional} from '../rules/promotional/rule.js'
import {vagueSourcing} from '../rules/vague-sourcing/rule.js'
import {knownRuleIds, parseConfig, settingFor, type CredibilityOptions} from './config.js'
import {proseRules} from './rule-catalog.js'
import type {BaseOptions, RuleDefinition} from './engine/rule.js'
import {prepareRule, runRules, type PreparedRule} from './engine/run.js'
import {fatalFor, parseSetting} from './engine/severity.js'
import type {Level, RuleSetting} from './engine/types.js'

export {proseRules} from './rule-catalog.js'

/** The credibility rules, in the order they run (their ids are in `ruleFamilies`, `src/rule-catalog.ts`). */
export const ruleDefinitions: ReadonlyArray<RuleDefinition<BaseOptions>> = [
  vagueSourcing as unknown as RuleDefinition<BaseOptions>,
  promotional as unknown as RuleDefinition<BaseOptions>,
  affiliateDisclosure as unknown as RuleDefinition<BaseOptions>
]

/**
 * The recommended set: vague sourcing, promotional language and affiliate
 * disclosures in one pass, plus `retext-readability` and `retext-passive`.
 */
export const retextCredibility: Plugin<[(CredibilityOptions | undefined)?], Root> = function (options) {
  const settings = parseConfig(options ?? {})
  const prepared: PreparedRule[] = []
  for (const definition of ruleDefinitions) {
    const rule = prepareFromConfig(definition, settings)
    if (rule) prepared.push(rule)
  }

  const prose: Array<{ruleId: 'readability' | 'passive'; level: Level; make: () => Promise<Transformer<Root>>; transformer?: Transformer<Root>}> = []
  const readability = resolve(settings, 'readability')
  if (readability.level !== 'off') {
    // Same formulas, lists and messages as `retext-readability`, cheaper (see `src/prose/readability.ts`).
    const options = {...proseRules.readability.defaults, ...readability.options}
    prose.push({ruleId: 'readability', level: readability.level, make: async () => (await (readabilityModule ??= import('./prose/readability.js'))).readability(options) as Transformer<Root>})
  }

  const passive = resolve(settings, 'passive')
  if (passive.level !== 'off') {
    // Same list and messages as `retext-passive`, cheaper (see `src/prose/passive.ts`).
    const options = {...passive.options}
    prose.push({ruleId: 'passive', level: passive.level, make: async () => (await (passiveModule ??= import('./prose/passive.js'))).passive(options) as Transformer<Root>})
  }

  return async function (tree, file) {
    const start = file.messages.length
    runRules(tree, file, prepared)
    const credibility = file.messages.slice(start)
    for (const entry of prose) {
      entry.transformer ??= await entry.make()
      const before = file.messages.length
      await entry.transformer(tree, file, () => {})
      stampProse(file, before, entry.ruleId, entry.level, credibility)
    }
  }
}

// Readability and passive (with their word lists) load once, when a processor first runs them, so turning them off skips them.
let readabilityModule: Promise<typeof import('./prose/readability.js')> | undefined
let passiveModule: Promise<typeof import('./prose/passive.js')> | undefined

function resolve(settings: CredibilityOptions, ruleId: string): {level: Level; options: Record<string, unknown>} {
  const found = settingFor(settings.rules, ruleId)
  const level = knownRuleIds.get(ruleId) ?? 'off'
  if (!found) return {level, options: {}}
  const parsed = parseSetting(found.setting, 'rules.' + found.key)
  return {level: parsed.level, options: {...parsed.options}}
}

/** Derive one rule's plugin options from preset config. */
function prepareFromConfig(definition: RuleDefinition<BaseOptions>, settings: CredibilityOptions): PreparedRule | undefined {
  const levels: Record<string, Level> = {}
  let options: Record<string, unknown> = {}
  for (const [ruleId, info] of Object.entries(definition.rules)) {
    const found = settingFor(settings.rules, ruleId)
    if (!found) {
      levels[ruleId] = info.level
      continue
    }

    const parsed = parseSetting(found.setting as RuleSetting, 'rules.' + found.key)
    levels[ruleId] = parsed.level
    if (parsed.options) options = {...options, ...parsed.options}
  }

  if (Object.values(levels).every((level) => level === 'off')) return undefined
  const flag = settings.flag?.[definition.id as 'promotional']
  return prepareRule(
    definition,
    {
      ...options,
      levels,
      ignore: [...(settings.ignore ?? []), ...((options['ignore'] as string[] | undefined) ?? [])],
      ...(flag ? {flag} : {}),
      ...(definition.id === 'affiliate-disclosure' && settings.siteDisclosure !== undefined ? {siteDisclosure: settings.siteDisclosure} : {})
    } as BaseOptions,
    'rules.' + definition.id
  )
}

/**
 * Give messages of a wrapped plugin one rule id and the configured severity,
 * and drop passive-voice findings on words a credibility rule already
 * reported (`is said to` is both): one problem, one message.
 */
function stampProse(file: VFile, from: number, ruleId: 'readability' | 'passive', level: Level, credibility: readonly VFileMessage[]): void {
  const fatal = fatalFor(level)
  const added = file.messages.splice(from)
  for (const message of added) {
    if (ruleId === 'passive' && credibility.some((other) => overlaps(other, message))) continue
    file.messages.push(message)
    message.ruleId = ruleId
    message.url = proseRules[ruleId].url
    message.note ??= ruleId === 'passive' ? 'Say who does the action, unless the actor is unknown or beside the point.' : 'Split the sentence or use shorter, more common words.'
    if (fatal === undefined) Reflect.deleteProperty(message, 'fatal')
    else message.fatal = fatal
  }
}

function overlaps(a: VFileMessage, b: VFileMessage): boolean {
  const one = a.place && 'start' in a.place ? a.place : undefined
  const two = b.place && 'start' in b.place ? b.place : undefined
  if (one?.start.offset === undefined || two?.start.offset === undefined || one.end.offset === undefined || two.end.offset === undefined) return false
  return one.start.offset < two.end.offset && two.start.offset < one.end.offset
}
