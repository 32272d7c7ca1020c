// Shared test helpers: the built package, reached through its own name like a user would.
import assert from 'node:assert/strict'

/** Check the message contract of every message `lint()` returned. */
export function assertContract(message, doc) {
  const where = `${message.ruleId} at ${message.line}:${message.column}`
  assert.ok(message.ruleId, 'ruleId is set: ' + message.reason)
  assert.ok(message.place && 'start' in message.place && 'end' in message.place, `place has start and end (${where})`)
  assert.ok(Array.isArray(message.expected), `expected is an array (${where})`)
  assert.equal(typeof message.reason, 'string')
  assert.ok(!message.reason.endsWith('.'), `reason has no final period (${where}): ${message.reason}`)
  if (message.source === 'retext-credibility' && /^(vague-sourcing|promotional|affiliate)/.test(message.ruleId)) {
    assert.match(message.url, /\/rules\/[a-z-]+\/readme\.md#[a-z-]+$/, `url links the rule doc (${where})`)
    assert.ok(message.url.endsWith('#' + message.ruleId), `url anchors the rule id (${where})`)
    assert.ok(message.note && message.note.length > 10, `note explains the fix (${where})`)
    assert.equal(typeof message.actual, 'string', `actual is set (${where})`)
    if (doc !== undefined) {
      assert.equal(message.actual, doc.slice(message.place.start.offset, message.place.end.offset), `actual is the text at place (${where})`)
    }
  }

  assert.ok(message.fatal === true || message.fatal === false || message.fatal === undefined, `fatal is true, false or unset (${where})`)
}

/** A small deterministic PRNG (mulberry32), so generated test corpora are the same on every run. */
export function random(seed) {
  let state = seed >>> 0
  return function () {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
