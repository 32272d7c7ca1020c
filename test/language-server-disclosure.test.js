// The disclosure quick fix: where it goes in each format, and that the affiliate rules accept the result.
import assert from 'node:assert/strict'
import {test} from 'node:test'
import {VFile} from 'vfile'
import {lint} from 'retext-credibility'
import {amazonStatement, insertAtTop, standardDisclosure} from '../dist/src/language-server/disclosure.js'

const shareasale = 'https://www.shareasale.com/r.cfm?b=1234&u=567890&m=4321'
const amazon = 'https://www.amazon.com/dp/B0ABC12345?tag=kb-20'

function apply(text, format, sentence = standardDisclosure) {
  const {offset, text: inserted} = insertAtTop(text, format, sentence)
  return text.slice(0, offset) + inserted + text.slice(offset)
}

async function affiliateFindings(path, value) {
  const file = await lint(new VFile({path, value}))
  return file.messages.map((m) => m.ruleId).filter((id) => id.startsWith('affiliate') && id !== 'affiliate-disclosure')
}

const cases = [
  {
    name: 'Markdown: under a leading title',
    path: 'a.md',
    before: `# Kettles\n\nBuy the [Aster](${shareasale}) today.\n`,
    after: `# Kettles\n\n${standardDisclosure}\n\nBuy the [Aster](${shareasale}) today.\n`
  },
  {
    name: 'Markdown: a title directly followed by text',
    path: 'a.md',
    before: `# Kettles\nBuy the [Aster](${shareasale}) today.\n`,
    after: `# Kettles\n\n${standardDisclosure}\n\nBuy the [Aster](${shareasale}) today.\n`
  },
  {
    name: 'Markdown: after front matter and a setext title',
    path: 'a.md',
    before: `---\ntitle: Kettles\n---\n\nKettles\n=======\n\nBuy the [Aster](${shareasale}) today.\n`,
    after: `---\ntitle: Kettles\n---\n\nKettles\n=======\n\n${standardDisclosure}\n\nBuy the [Aster](${shareasale}) today.\n`
  },
  {
    name: 'Markdown: after front matter, no title',
    path: 'a.md',
    before: `---\ntitle: Kettles\n---\nBuy the [Aster](${shareasale}) today.\n`,
    after: `---\ntitle: Kettles\n---\n\n${standardDisclosure}\n\nBuy the [Aster](${shareasale}) today.\n`
  },
  {
    name: 'Markdown: no title, a second-level heading stays below',
    path: 'a.md',
    before: `## Kettles\n\nBuy the [Aster](${shareasale}) today.\n`,
    after: `${standardDisclosure}\n\n## Kettles\n\nBuy the [Aster](${shareasale}) today.\n`
  },
  {
    name: 'Markdown: Windows line endings are kept',
    path: 'a.md',
    before: `# Kettles\r\n\r\nBuy the [Aster](${shareasale}) today.\r\n`,
    after: `# Kettles\r\n\r\n${standardDisclosure}\r\n\r\nBuy the [Aster](${shareasale}) today.\r\n`
  },
  {
    name: 'plain text: at the very top',
    path: 'a.txt',
    before: `Buy the Aster at ${shareasale} today.\n`,
    after: `${standardDisclosure}\n\nBuy the Aster at ${shareasale} today.\n`
  },
  {
    name: 'HTML: after the title inside the article',
    path: 'a.html',
    before: `<article>\n  <h1>Kettles</h1>\n  <p>Buy the <a href="${shareasale.replace(/&/g, '&amp;')}">Aster</a>.</p>\n</article>\n`,
    after: `<article>\n  <h1>Kettles</h1>\n  <p>${standardDisclosure}</p>\n  <p>Buy the <a href="${shareasale.replace(/&/g, '&amp;')}">Aster</a>.</p>\n</article>\n`
  },
  {
    name: 'HTML: a fragment without containers',
    path: 'a.html',
    before: `<p>Buy the <a href="${shareasale.replace(/&/g, '&amp;')}">Aster</a>.</p>\n`,
    after: `<p>${standardDisclosure}</p>\n<p>Buy the <a href="${shareasale.replace(/&/g, '&amp;')}">Aster</a>.</p>\n`
  }
]

for (const {name, path, before, after} of cases) {
  test(`disclosure: ${name}`, async () => {
    assert.deepEqual(await affiliateFindings(path, before), ['affiliate-link-undisclosed'])
    const format = path.endsWith('.html') ? 'html' : path.endsWith('.txt') ? 'text' : 'markdown'
    const fixed = apply(before, format)
    assert.equal(fixed, after)
    assert.deepEqual(await affiliateFindings(path, fixed), [])
  })
}

test('disclosure: a late disclosure is no longer late once one is inserted at the top', async () => {
  const before = `# Kettles\n\nBuy the [Aster](${shareasale}) today.\n\nDisclosure: we earn commissions on purchases made through our links.\n`
  assert.deepEqual(await affiliateFindings('a.md', before), ['affiliate-disclosure-placement'])
  assert.deepEqual(await affiliateFindings('a.md', apply(before, 'markdown')), [])
})

test('disclosure: with Amazon links, the Amazon statement clears both Amazon findings', async () => {
  const before = `# Kettles\n\nBuy the [Aster](${amazon}) today.\n`
  assert.deepEqual((await affiliateFindings('a.md', before)).sort(), ['affiliate-link-amazon-statement', 'affiliate-link-undisclosed'])
  assert.deepEqual(await affiliateFindings('a.md', apply(before, 'markdown', standardDisclosure + ' ' + amazonStatement)), [])
  assert.deepEqual(await affiliateFindings('a.md', apply(before, 'markdown', amazonStatement)), [])
})
