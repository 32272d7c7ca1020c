/**
 * HTML support outside Node.js (bundlers, browsers): loaded with the rest
 * (see `load-html.node.ts`).
 */
import * as html from './html.js'

/** The HTML parser module. */
export function loadHtml(): typeof html {
  return html
}
