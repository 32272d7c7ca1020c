import {CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type Range, type TextEdit} from 'vscode-languageserver/node.js'
import type {TextDocument} from 'vscode-languageserver-textdocument'
import {code as quote} from '../engine/messages.js'
import type {Format} from '../engine/types.js'
import {amazonStatement, insertAtTop, standardDisclosure} from './disclosure.js'

/** A published diagnostic with what its message said about fixing it. */
export interface Finding {
  readonly diagnostic: Diagnostic
  readonly ruleId: string | undefined
  /** Replacements in order of preference; `''` deletes; empty when there is no mechanical fix. */
  readonly expected: readonly string[]
}

/** Rules whose fix is a disclosure at the top of the document. */
const disclosureRules = new Set(['affiliate-link-undisclosed', 'affiliate-disclosure-placement'])
const amazonRule = 'affiliate-link-amazon-statement'

/**
 * Quick fixes for the findings a code-action request is about: replace the
 * words with each neutral alternative (the first preferred), remove them for
 * `['']`, and insert a standard disclosure (with Amazon's statement when the
 * page links to Amazon) at the top for undisclosed links or a late
 * disclosure. Findings come from the server's own last lint of this very
 * version, not from the client's copy of the diagnostics, whose `data` some
 * clients (Neovim 0.7) drop.
 */
export function codeActions(document: TextDocument, format: Format, findings: readonly Finding[], params: CodeActionParams): CodeAction[] {
  const only = params.context.only
  if (only && !only.some((kind) => kind === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(kind + '.') || kind === CodeActionKind.Empty)) return []
  const actions: CodeAction[] = []
  const relevant = selectFindings(findings, params)
  const hasAmazon = findings.some((finding) => finding.ruleId === amazonRule)
  let disclosure: CodeAction | undefined
  let amazon: CodeAction | undefined

  for (const finding of relevant) {
    actions.push(...replacements(document, finding))
    if (finding.ruleId && disclosureRules.has(finding.ruleId)) {
      if (disclosure) {
        disclosure.diagnostics?.push(finding.diagnostic)
      } else {
        const sentence = hasAmazon ? standardDisclosure + ' ' + amazonStatement : standardDisclosure
        disclosure = insertion(document, format, 'Insert a standard affiliate disclosure at the top', sentence, finding)
        actions.push(disclosure)
      }

      // An undisclosed link has no other fix; a late disclosure might rather be moved by hand.
      if (finding.ruleId === 'affiliate-link-undisclosed') disclosure.isPreferred = true
    } else if (finding.ruleId === amazonRule) {
      if (amazon) {
        amazon.diagnostics?.push(finding.diagnostic)
      } else {
        amazon = insertion(document, format, 'Insert the Amazon Associates statement at the top', amazonStatement, finding)
        actions.push(amazon)
      }
    }
  }

  return actions
}

/**
 * The findings the client asks about: those matching the diagnostics in the
 * request's context, or, when the client sends none we know (or stale ones),
 * those overlapping the requested range. Neovim 0.7 sends every diagnostic
 * on the cursor's line, so of those, the ones under the cursor win.
 */
function selectFindings(findings: readonly Finding[], params: CodeActionParams): Finding[] {
  const asked = params.context.diagnostics
  const overlapping = findings.filter((finding) => overlaps(finding.diagnostic.range, params.range))
  const matching = findings.filter((finding) =>
    asked.some((d) => String(d.code ?? '') === String(finding.diagnostic.code ?? '') && sameRange(d.range, finding.diagnostic.range))
  )
  if (matching.length === 0) return overlapping
  const narrowed = matching.filter((finding) => overlapping.includes(finding))
  return narrowed.length > 0 ? narrowed : matching
}

function replacements(document: TextDocument, finding: Finding): CodeAction[] {
  const range = finding.diagnostic.range
  const actual = document.getText(range)
  const seen = new Set<string>()
  const actions: CodeAction[] = []
  for (const replacement of finding.expected) {
    if (seen.has(replacement)) continue
    seen.add(replacement)
    const action: CodeAction =
      replacement === ''
        ? fix('Remove ' + quote(actual), {range: removalRange(document, range), newText: ''}, document, finding)
        : fix(
            (actual === '' ? 'Insert ' : 'Replace ' + quote(actual) + ' with ') + quote(matchCase(actual, replacement)),
            {range, newText: matchCase(actual, replacement)},
            document,
            finding
          )
    if (actions.length === 0) action.isPreferred = true
    actions.push(action)
  }

  return actions
}

function insertion(document: TextDocument, format: Format, title: string, sentence: string, finding: Finding): CodeAction {
  const {offset, text} = insertAtTop(document.getText(), format, sentence)
  const at = document.positionAt(offset)
  return fix(title, {range: {start: at, end: at}, newText: text}, document, finding)
}

function fix(title: string, edit: TextEdit, document: TextDocument, finding: Finding): CodeAction {
  return {
    title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [finding.diagnostic],
    edit: {changes: {[document.uri]: [edit]}}
  }
}

/** Removing words also removes one space beside them, so that no double space is left. */
function removalRange(document: TextDocument, range: Range): Range {
  const text = document.getText()
  let start = document.offsetAt(range.start)
  let end = document.offsetAt(range.end)
  const before = text.charAt(start - 1)
  const after = text.charAt(end)
  if (after === ' ' && (before === ' ' || before === '' || before === '\n' || before === '\t')) end++
  else if (before === ' ' && /^[\s.,;:!?)]?$/.test(after)) start--
  return {start: document.positionAt(start), end: document.positionAt(end)}
}

/** A replacement for a capitalized phrase (at the start of a sentence) starts with a capital too. */
function matchCase(actual: string, replacement: string): string {
  const first = actual.charAt(0)
  if (first !== first.toUpperCase() || first === first.toLowerCase()) return replacement
  return replacement.charAt(0).toUpperCase() + replacement.slice(1)
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character
}

function overlaps(a: Range, b: Range): boolean {
  return compare(a.start, b.end) <= 0 && compare(b.start, a.end) <= 0
}

function compare(a: Range['start'], b: Range['start']): number {
  return a.line === b.line ? a.character - b.character : a.line - b.line
}
