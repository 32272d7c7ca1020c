// Lint a Markdown string and an HTML file with the public API, then print each finding.
import {readFile} from 'node:fs/promises'
import {VFile} from 'vfile'
import {lint, type LintOptions} from 'retext-credibility'

const options: LintOptions = {
  // Turn calls to action into errors and keep readability findings out of this report.
  rules: {'promotional-call-to-action': 'error', readability: 'off', passive: 'off'},
  ignore: ['state of the art']
}

const article = await lint('Experts say the new ferry is world-class. [Buy now](https://amzn.to/3xYzAbC)!', options)
for (const message of article.messages) {
  console.log(`${message.line}:${message.column} ${message.ruleId}: ${message.reason} (fix: ${JSON.stringify(message.expected)})`)
}

// A `VFile` with a path picks the format by its extension.
const path = new URL('../../examples/product-review.html', import.meta.url)
const page = await lint(new VFile({path: path.pathname, value: await readFile(path)}), options)
const errors = page.messages.filter((message) => message.fatal === true)
console.log(`${page.basename}: ${page.messages.length} findings, ${errors.length} errors`)
