/**
 * Pieces of prose cut from a source tree, each tied to offsets in the original file.
 */

/** A run of prose (`text`) or of literal material (`source`: code, URLs) inside one block. */
export interface Piece {
  readonly kind: 'text' | 'source'
  readonly value: string
  /** Offset of each character of `value` in the original file, plus one for its end. */
  readonly offsets: Int32Array | number
}

/** Longest block handed to the natural-language parser at once; longer runs are cut at white space (its sentence plugins are superlinear). */
export const maxChunk = 4000

const urlExpression = /\b(?:https?:\/\/|www\.)[^\s<>"'`\])}]+/gi

/** Offset in the original file of character `index` of a piece. */
export function offsetOf(piece: Piece, index: number): number {
  return typeof piece.offsets === 'number' ? piece.offsets + index : (piece.offsets[index] ?? 0)
}

/**
 * Tie `value` (a node's text, possibly decoded from escapes or entities) to
 * `doc` between `from` and `to`, character by character.
 */
export function alignText(doc: string, value: string, from: number, to: number): Piece {
  if (doc.startsWith(value, from)) return {kind: 'text', value, offsets: from}
  const offsets = new Int32Array(value.length + 1)
  let cursor = from
  for (let index = 0; index < value.length; index++) {
    const char = value[index]
    // Look ahead a little for the character: escapes and entities add a few source characters.
    let probe = cursor
    const limit = Math.min(to, cursor + 12)
    while (probe < limit && doc[probe] !== char) probe++
    if (probe < limit) cursor = probe
    offsets[index] = Math.min(cursor, Math.max(from, to - 1))
    if (probe < limit) cursor++
  }

  offsets[value.length] = Math.max(cursor, offsets[value.length - 1] ?? from)
  return {kind: 'text', value, offsets}
}

/** Slice a piece; offsets follow. */
export function slicePiece(piece: Piece, start: number, end: number, kind: Piece['kind'] = piece.kind): Piece {
  const value = piece.value.slice(start, end)
  const offsets = typeof piece.offsets === 'number' ? piece.offsets + start : piece.offsets.subarray(start, end + 1)
  return {kind, value, offsets}
}

/** Split bare URLs out of a text piece as source pieces, reporting each URL found. */
export function splitUrls(piece: Piece, onUrl?: (url: string, start: number, end: number) => void): Piece[] {
  if (piece.kind !== 'text' || (!piece.value.includes('://') && !/www\./i.test(piece.value))) return [piece]
  const result: Piece[] = []
  let last = 0
  urlExpression.lastIndex = 0
  let match = urlExpression.exec(piece.value)
  while (match) {
    let url = match[0]
    // Sentence punctuation right after a URL is not part of it.
    while (/[.,;:!?]$/.test(url)) url = url.slice(0, -1)
    const start = match.index
    const end = start + url.length
    if (start > last) result.push(slicePiece(piece, last, start))
    result.push(slicePiece(piece, start, end, 'source'))
    if (onUrl) onUrl(url, offsetOf(piece, start), offsetOf(piece, end))
    last = end
    match = urlExpression.exec(piece.value)
  }

  if (last < piece.value.length) result.push(slicePiece(piece, last, piece.value.length))
  return result
}

/** Cut the pieces of one block into chunks of at most `maxChunk` characters, at white space where possible. */
export function chunkPieces(pieces: readonly Piece[]): Piece[][] {
  let total = 0
  for (const piece of pieces) total += piece.value.length
  if (total <= maxChunk) return [[...pieces]]
  const chunks: Piece[][] = []
  let current: Piece[] = []
  let size = 0
  for (const piece of pieces) {
    let rest = piece
    while (size + rest.value.length > maxChunk) {
      const room = maxChunk - size
      let cut = rest.kind === 'text' ? rest.value.lastIndexOf(' ', room) : -1
      if (cut <= 0) cut = current.length > 0 ? 0 : room
      if (cut > 0) current.push(slicePiece(rest, 0, cut))
      chunks.push(current)
      current = []
      size = 0
      rest = slicePiece(rest, cut, rest.value.length)
    }

    if (rest.value.length > 0) {
      current.push(rest)
      size += rest.value.length
    }
  }

  if (current.length > 0) chunks.push(current)
  return chunks
}
