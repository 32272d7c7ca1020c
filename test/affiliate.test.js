// Link-aware affiliate analysis: every kind of link in every format, the
// disclosure's placement, and sites whose layout carries the disclosure.
import assert from 'node:assert/strict'
import {test} from 'node:test'
import {lint} from 'retext-credibility'

const amazon = 'https://www.amazon.com/dp/B0ABC12345?tag=kitchenblog-20'
const disclosure = 'As an Amazon Associate I earn from qualifying purchases.'

async function affiliate(value, options) {
  const file = await lint(value, options)
  return file.messages.filter((m) => m.ruleId.includes('affiliate')).map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.actual}`)
}

test('every kind of Markdown link is read: inline, reference, autolink, raw HTML', async () => {
  const doc = [
    `An [inline](${amazon}) link.`,
    '',
    'A [reference][kettle] link.',
    '',
    'An autolink: <https://amzn.to/3xYzAbC>.',
    '',
    'Raw <a href="https://www.shareasale.com/r.cfm?b=1&u=2&m=3">HTML</a>.',
    '',
    `[kettle]: ${amazon}`
  ].join('\n')
  const ids = (await affiliate(doc)).filter((line) => line.includes('undisclosed'))
  assert.deepEqual(ids.map((line) => line.split(' ')[0]), ['1:4', '3:3', '5:14', '7:5'])
})

test('HTML links, rel="sponsored" and bare URLs in plain text', async () => {
  const html = '<p>See <a href="https://example.com/pan" rel="sponsored nofollow">this pan</a> and <a href="https://example.com/lid">the lid</a>.</p>'
  assert.deepEqual(await affiliate(html, {format: 'html'}), ['1:8 affiliate-link-undisclosed <a href="https://example.com/pan" rel="sponsored nofollow">this pan</a>'])
  const text = `Pick one up here: ${amazon} today.`
  assert.deepEqual(await affiliate(text, {format: 'text'}), [
    `1:19 affiliate-link-undisclosed ${amazon}`,
    `1:19 affiliate-link-amazon-statement ${amazon}`
  ])
})

test('placement: before the first link is fine, after it is a warning', async () => {
  const first = await affiliate(`${disclosure}\n\nThe [kettle](${amazon}) boils fast.\n`)
  assert.deepEqual(first, [`1:1 affiliate-disclosure ${disclosure}`])
  const after = await lint(`The [kettle](${amazon}) boils fast.\n\nIt is quiet, too.\n\n${disclosure}\n`)
  const placement = after.messages.find((m) => m.ruleId === 'affiliate-disclosure-placement')
  assert.ok(placement, 'placement warning')
  assert.equal(placement.fatal, false)
  assert.equal(placement.line, 5)
  assert.match(placement.reason, /move it above line 1/)
  assert.ok(!after.messages.some((m) => m.ruleId === 'affiliate-link-undisclosed'), 'a late disclosure is still a disclosure')
})

test('a site whose layout adds the disclosure: no undisclosed errors, no placement verdict', async () => {
  const doc = `The [kettle](${amazon}) boils fast.\n`
  assert.ok((await affiliate(doc)).some((line) => line.includes('affiliate-link-undisclosed')))
  assert.deepEqual(
    (await affiliate(doc, {siteDisclosure: true})).filter((line) => !line.includes('amazon-statement')),
    []
  )
  const late = `The [kettle](${amazon}) boils fast.\n\nIt is quiet.\n\nWe earn a commission on purchases through these links.\n`
  assert.ok(!(await affiliate(late, {siteDisclosure: true})).some((line) => line.includes('placement')))
})

test('not affiliate: plain links, ref= and utm_ parameters, links in code', async () => {
  const doc = [
    'The [kettle](https://en.wikipedia.org/wiki/Kettle) article, [the code](https://github.com/example/kettle?ref=main),',
    'and [the shop](https://shop.example.com/kettle?utm_source=newsletter&utm_medium=email).',
    '',
    `\`${amazon}\``,
    '',
    '```',
    `curl ${amazon}`,
    '```'
  ].join('\n')
  assert.deepEqual(await affiliate(doc), [])
})

test('the undisclosed-link error is an error, with the FTC basis in its note', async () => {
  const file = await lint(`[Kettle](${amazon})`)
  const message = file.messages.find((m) => m.ruleId === 'affiliate-link-undisclosed')
  assert.ok(message)
  assert.equal(message.fatal, true)
  assert.match(message.note, /FTC/)
  assert.match(message.url, /rules\/affiliate-link-undisclosed\/readme\.md#affiliate-link-undisclosed$/)
  assert.deepEqual(message.expected, [])
})
