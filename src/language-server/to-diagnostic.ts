import {DiagnosticSeverity, type Diagnostic, type Range} from 'vscode-languageserver/node.js'
import type {VFileMessage} from 'vfile-message'
import {source} from '../engine/identity.js'

/** A unist point: lines and columns count from 1 (LSP counts from 0). */
interface Point {
  readonly line: number
  readonly column: number
}

/**
 * Turn a vfile message into an LSP diagnostic the way unified-language-server
 * does: `fatal` true / false / unset is Error / Warning / Information, `url`
 * is the link on the code, `note` follows the reason. Failures of the whole
 * file (a broken config file) have no rule: their causes are spelled out,
 * stack traces are not.
 */
export function toDiagnostic(message: VFileMessage): Diagnostic {
  const diagnostic: Diagnostic = {
    range: toRange(message.place),
    severity: message.fatal === true ? DiagnosticSeverity.Error : message.fatal === false ? DiagnosticSeverity.Warning : DiagnosticSeverity.Information,
    source: message.source ?? source,
    message: message.ruleId ? message.reason : withCauses(message)
  }
  if (message.ruleId) diagnostic.code = message.ruleId
  if (message.url) diagnostic.codeDescription = {href: message.url}
  if (message.note) diagnostic.message += '\n' + message.note
  return diagnostic
}

/** Where a message points, as an LSP range; a message without a place marks the start of the document. */
export function toRange(place: VFileMessage['place']): Range {
  if (!place) return {start: {line: 0, character: 0}, end: {line: 0, character: 0}}
  if ('start' in place) return {start: toPosition(place.start), end: toPosition(place.end)}
  const point = toPosition(place)
  return {start: point, end: point}
}

function toPosition(point: Point): {line: number; character: number} {
  return {line: Math.max(point.line - 1, 0), character: Math.max(point.column - 1, 0)}
}

/** `Cannot process file: Cannot parse file `.retext-credibilityrc.json`: Unexpected …` */
function withCauses(message: VFileMessage): string {
  const parts = [message.reason]
  let cause: unknown = message.cause
  while (cause instanceof Error && parts.length < 5) {
    if (cause.message && !parts.includes(cause.message)) parts.push(cause.message)
    cause = cause.cause
  }

  return parts.join(': ')
}
