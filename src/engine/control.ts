import type {Position} from 'unist'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import type {DocumentFacts, MarkerFact} from './types.js'
import {locatorFor} from '../parse/locator.js'
import {source} from './identity.js'

const controlled = new Set([source, 'retext-readability', 'retext-passive'])

/**
 * Apply inline control comments (`ignore`, `disable`, `enable`, with rule ids
 * or families, or none for all) to a file's messages, and report markers that
 * suppressed nothing or that cannot be understood.
 */
export function applyControl(file: VFile, facts: DocumentFacts, isKnown: (id: string) => boolean): void {
  const markers = facts.markers
  if (markers.length === 0) return
  const doc = String(file)
  const locator = locatorFor(file, doc)
  const used = new Array<number>(markers.length).fill(0)
  const valid: Array<{marker: MarkerFact; index: number}> = []
  for (const [index, marker] of markers.entries()) {
    const where = {start: locator.toPoint(marker.start), end: locator.toPoint(marker.end)}
    if (marker.verb !== 'ignore' && marker.verb !== 'disable' && marker.verb !== 'enable') {
      report(file, 'Unexpected control keyword `' + marker.verb + "`, expected `ignore`, `disable` or `enable`", where, 'unknown-control-keyword', false)
      used[index] = 1
      continue
    }

    const unknown = marker.ruleIds.filter((id) => !isKnown(id))
    for (const id of unknown) report(file, 'Unexpected rule id `' + id + '` in control comment, it is not a known rule or family', where, 'unknown-control-rule', false)
    valid.push({marker, index})
    if (marker.verb === 'enable') used[index] = 1
  }

  file.messages = file.messages.filter((message) => keep(message))
  for (const {marker, index} of valid) {
    if (used[index] === 0) {
      const where = {start: locator.toPoint(marker.start), end: locator.toPoint(marker.end)}
      report(file, 'Unused suppression `' + doc.slice(marker.start, marker.end).replace(/\s+/g, ' ') + '`, nothing was suppressed', where, 'unused-suppression', undefined)
    }
  }

  function keep(message: VFileMessage): boolean {
    if (!message.source || !controlled.has(message.source) || !message.ruleId) return true
    const offset = message.place && 'start' in message.place ? message.place.start.offset : undefined
    if (offset === undefined) return true
    const ruleId = message.ruleId
    let disabledBy = -1
    for (const {marker, index} of valid) {
      if (marker.start > offset) break
      const applies = marker.ruleIds.length === 0 || marker.ruleIds.some((id) => ruleId === id || ruleId.startsWith(id + '-'))
      if (!applies) continue
      if (marker.verb === 'ignore') {
        if (marker.nextEnd !== undefined && offset >= marker.end && offset < marker.nextEnd) {
          used[index]!++
          return false
        }
      } else if (marker.verb === 'disable') {
        disabledBy = index
      } else {
        disabledBy = -1
      }
    }

    if (disabledBy === -1) return true
    used[disabledBy]!++
    return false
  }
}

function report(file: VFile, reason: string, place: Position, ruleId: string, fatal: boolean | undefined): void {
  const message = file.message(reason, {place, ruleId, source})
  message.expected = []
  if (place.start.offset !== undefined && place.end.offset !== undefined) message.actual = String(file).slice(place.start.offset, place.end.offset)
  if (fatal === undefined) Reflect.deleteProperty(message, 'fatal')
  else message.fatal = fatal
}
