/**
 * HTML support, loaded on first use (in Node.js): the HTML parser and its
 * dependencies are a quarter of the modules the package would otherwise
 * load on start-up, which every CLI run, worker and Markdown-only user
 * would pay for. Node.js loads ES modules synchronously with `require`
 * (20.19 and later), which the parser (synchronous, as unified wants) needs.
 */
import {createRequire} from 'node:module'
import type * as Html from './html.js'

const require = createRequire(import.meta.url)
let html: typeof Html | undefined

/** The HTML parser module. */
export function loadHtml(): typeof Html {
  html ??= require('./html.js') as typeof Html
  return html
}
