import type {Nodes} from 'nlcst'
import {toString} from 'nlcst-to-string'

/**
 * The text of a word: `nlcst-to-string`'s result, without the array it builds
 * for a node's children when the word is one text node (most words are).
 */
export function wordText(node: Nodes): string {
  if ('children' in node && node.children.length === 1) {
    const only = node.children[0]!
    if ('value' in only) return only.value
  }

  return toString(node)
}
