// Regression: unified-engine's queue step waited forever when a file turned
// fatal (an error-level finding) before reaching the queue while the others
// were flushed without it; the run then ended with exit code 13 and no report.
import assert from 'node:assert/strict'
import {test} from 'node:test'
import {engine} from 'unified-engine'
import {VFile} from 'vfile'
import {engineSettings, settleMessages} from '../dist/src/engine-options.js'

const error = {reason: 'Unexpected affiliate link', ruleId: 'affiliate-link-undisclosed', source: 'retext-credibility', fatal: true, place: undefined, actual: undefined, expected: [], note: undefined, url: undefined}

test('files whose findings are errors never stall the engine, whatever order they finish in', async () => {
  for (let round = 0; round < 20; round++) {
    // Release every pending job in one tick, in a different order each round.
    const waiting = []
    const linter = {
      lint: (job) => new Promise((resolve) => waiting.push(() => resolve(job.path.endsWith('bad.md') ? [error] : []))),
      close: async () => {}
    }
    const timer = setInterval(() => {
      if (waiting.length < 3) return
      clearInterval(timer)
      const order = round % 2 ? waiting.reverse() : waiting
      for (const release of order) release()
    }, 1)
    const files = ['a.md', 'bad.md', 'clean.md'].map((name, index) => new VFile({path: name, value: 'x'.repeat(index + 1)}))
    const result = await Promise.race([
      new Promise((resolve, reject) => {
        engine({...engineSettings(linter), cwd: process.cwd(), files, out: false, quiet: true, reporter: () => '', streamError: {write() {}}}, (failure, code, context) => (failure ? reject(failure) : resolve(context.files)))
      }),
      new Promise((resolve) => setTimeout(() => resolve('stalled'), 5000))
    ])
    clearInterval(timer)
    assert.notEqual(result, 'stalled', `round ${round}: the engine never finished`)
    // The invariant the fix rests on: while the engine runs, no finding sits on a file.
    assert.deepEqual(result.map((file) => file.messages.length), [0, 0, 0])
    for (const file of result) settleMessages(file)
    assert.deepEqual(result.map((file) => `${file.basename}:${file.messages.length}`).sort(), ['a.md:0', 'bad.md:1', 'clean.md:0'])
  }
})
