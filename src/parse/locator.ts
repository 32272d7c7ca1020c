import type {Point} from 'unist'
import {point} from './plain.js'

/** Offset to point conversion by binary search, so converting every token stays linear-logarithmic (vfile-location scans lines from the top on each call). Points are shared: treat them as read-only. */
export interface Locator {
  readonly toPoint: (offset: number) => Point
  readonly toOffset: (line: number, column: number) => number
}

/** Index the line starts of `doc` once. Lines end at `\n`, `\r\n` or a lone `\r`, as in CommonMark and editors. */
export function createLocator(doc: string): Locator {
  const starts: number[] = [0]
  if (doc.includes('\r')) {
    const ending = /\r\n?|\n/g
    while (ending.exec(doc)) starts.push(ending.lastIndex)
  } else {
    let index = doc.indexOf('\n')
    while (index !== -1) {
      starts.push(index + 1)
      index = doc.indexOf('\n', index + 1)
    }
  }

  // The last point made: a node usually starts where the one before it ended, so the two share one object.
  let last: Point | undefined

  return {toPoint, toOffset}

  function toPoint(offset: number): Point {
    const clamped = Math.max(0, Math.min(offset, doc.length))
    if (last?.offset === clamped) return last
    // Offsets mostly come in order: try the line of the last point before searching.
    let low = last ? last.line - 1 : 0
    let high = starts.length - 1
    if (clamped < (starts[low] ?? 0)) {
      high = low - 1
      low = 0
    } else if (low + 1 <= high && clamped < (starts[low + 1] ?? 0)) {
      high = low
    }

    while (low < high) {
      const middle = (low + high + 1) >> 1
      if ((starts[middle] ?? 0) <= clamped) low = middle
      else high = middle - 1
    }

    last = point(low + 1, clamped - (starts[low] ?? 0) + 1, clamped)
    return last
  }

  function toOffset(line: number, column: number): number {
    const start = starts[Math.max(0, Math.min(line - 1, starts.length - 1))] ?? 0
    return Math.min(doc.length, start + Math.max(0, column - 1))
  }
}

const locators = new WeakMap<object, {readonly doc: string; readonly locator: Locator}>()

/** The locator of a file's current text, indexed once and shared by the parser, the rules and control comments. */
export function locatorFor(file: object, doc: string): Locator {
  const cached = locators.get(file)
  if (cached && cached.doc === doc) return cached.locator
  const locator = createLocator(doc)
  locators.set(file, {doc, locator})
  return locator
}
