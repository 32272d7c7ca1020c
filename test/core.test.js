// The library through its public API: inputs and formats, positions, what is
// never linted, control comments, config and severities, and the plugins in
// a pipeline of one's own.
import assert from 'node:assert/strict'
import {test} from 'node:test'
import retextEnglish from 'retext-english'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {ConfigError, knownRuleIds, lint, parseConfig, proseRules, retextCredibility, retextPromotional, retextVagueSourcing, ruleDefinitions} from 'retext-credibility'
import {assertContract} from './helpers.js'

/** Messages as `line:column-line:column ruleId actual`, the way a report reads. */
async function report(value, options) {
  const file = await lint(value, options)
  for (const message of file.messages) assertContract(message, String(file))
  return file.messages.map((m) => `${m.line}:${m.column}-${m.place.end.line}:${m.place.end.column} ${m.ruleId} ${m.actual ?? ''}`.trim())
}

const credibility = (lines) => lines.filter((line) => /^\S+ (vague-sourcing|promotional|affiliate)/.test(line))

test('lint: takes a string, bytes or a VFile, and picks the format by extension', async () => {
  const text = 'Experts say so.'
  assert.deepEqual(await report(text), ['1:1-1:12 vague-sourcing Experts say'])
  assert.deepEqual(await report(new TextEncoder().encode(text)), ['1:1-1:12 vague-sourcing Experts say'])
  const html = new VFile({path: 'page.html', value: '<p title="experts say">Experts say so.</p>'})
  const file = await lint(html)
  assert.equal(file.data.credibilityFormat, 'html')
  assert.deepEqual(file.messages.map((m) => `${m.column} ${m.actual}`), ['24 Experts say'])
  assert.equal((await lint(new VFile({path: 'a.txt', value: 'x'}))).data.credibilityFormat, 'text')
  assert.equal((await lint(new VFile({path: 'a.unknown', value: 'x'}))).data.credibilityFormat, 'markdown')
  assert.equal((await lint(new VFile({path: 'a.txt', value: 'x'}), {format: 'html'})).data.credibilityFormat, 'html')
})

test('positions point into the original file, inside quotes, lists and entities', async () => {
  const doc = '> Our **cutting-edge** app &amp; a world-class team.\n>\n> - Studies show it works.\n'
  assert.deepEqual(credibility(await report(doc)), [
    '1:9-1:21 promotional cutting-edge',
    '1:36-1:47 promotional world-class',
    '3:5-3:17 vague-sourcing Studies show'
  ])
  const html = '<ul>\n  <li>Caf&eacute; owners: <em>experts&nbsp;say</em> it is iconic.</li>\n</ul>'
  assert.deepEqual(credibility(await report(html, {format: 'html'})), ['2:31-2:47 vague-sourcing experts&nbsp;say', '2:59-2:65 promotional iconic'])
})

test('Markdown: byte order marks, CRLF, escapes, breaks, tables, footnotes and references keep exact places', async () => {
  // A byte order mark is a character of the file: columns count it.
  assert.deepEqual(credibility(await report('\uFEFFExperts say so.')), ['1:2-1:13 vague-sourcing Experts say'])
  assert.deepEqual(credibility(await report('\uFEFF---\ntitle: Experts say\n---\n\nExperts say so.')), ['5:1-5:12 vague-sourcing Experts say'])
  // CRLF, an escaped character and a hard break before the finding.
  assert.deepEqual(credibility(await report('A \\*note\\*.\r\nIt is a cutting-edge\\\nworld-class team.')), ['2:9-2:21 promotional cutting-edge', '3:1-3:12 promotional world-class'])
  // A table cell is a block of its own; pipes without a delimiter row are text.
  assert.deepEqual(credibility(await report('| Claim | Note |\n| --- | :-: |\n| Experts say | it |\n')), ['3:3-3:14 vague-sourcing Experts say'])
  const notTable = await lint('a | b\nExperts say | so.')
  assert.equal(notTable.data.credibility?.blocks.length, 1)
  // Delimiter rows without outer pipes, aligned, or in a block quote; a line of pipes and spaces is not one.
  assert.equal((await lint('Claim | Note\n:-- | --:\nExperts say | it\n')).data.credibility?.blocks.length, 4)
  assert.equal((await lint('> | Claim |\n> |:---:|\n> | Experts say |\n')).data.credibility?.blocks.length, 2)
  assert.equal((await lint('Claim | Note\n  |   |\nExperts say | it\n')).data.credibility?.blocks.length, 1)
  // A footnote call is a citation marker; its definition is prose.
  assert.deepEqual(credibility(await report('Studies show it works.[^1]\n\n[^1]: Smith, 2021.')), [])
  assert.deepEqual(credibility(await report('Studies show it works.[^1]\n\n[^1]: Experts say so.')), ['3:7-3:18 vague-sourcing Experts say'])
  // The first definition of a label wins, as in CommonMark.
  const first = await lint('Buy the [kettle][k].\n\n[k]: https://amzn.to/abc\n[k]: https://example.com/\n')
  assert.ok(first.messages.some((m) => m.ruleId === 'affiliate-link-undisclosed'))
  const second = await lint('Buy the [kettle][k].\n\n[k]: https://example.com/\n[k]: https://amzn.to/abc\n')
  assert.ok(!second.messages.some((m) => m.ruleId === 'affiliate-link-undisclosed'))
  // A link whose label is its address is literal material, reported once as a link.
  const autolink = await lint('See [https://amzn.to/x](https://amzn.to/x) now.')
  assert.deepEqual(autolink.data.credibility?.links.map((link) => link.kind), ['autolink'])
})

test('Markdown: HTML blocks, references, footnotes, entities and line prefixes read as CommonMark and GFM say', async () => {
  // A self-closing tag alone on a line starts an HTML block: its attributes are not prose.
  assert.deepEqual(credibility(await report('<img alt="Experts say it is world-class" src="a.png" />\n\nStudies show it.')), ['3:1-3:13 vague-sourcing Studies show'])
  // In a block quote, a line of only `>` ends an HTML block; the prose after it is read.
  assert.deepEqual(credibility(await report('> </aside>\n>\n> Experts say so.\n')), ['3:3-3:14 vague-sourcing Experts say'])
  // HTML has no lazy lines: a line without the `>` ends the quote and the HTML in it.
  assert.deepEqual(credibility(await report('> <div>\nExperts say so.\n')), ['2:1-2:12 vague-sourcing Experts say'])
  // A lone carriage return ends a line too (old Mac files), for the parser and for line numbers.
  assert.deepEqual(credibility(await report('# Title\rIntro.\r\rExperts say so.\r')), ['4:1-4:12 vague-sourcing Experts say'])
  // CRLF line endings end HTML blocks, fences and hard breaks too, and places stay exact.
  assert.deepEqual(credibility(await report('<div>\r\nExperts say\r\n</div>\r\n\r\n```\r\nExperts say\r\n```\r\n\r\nIt is  \r\ncutting-edge.\r\n')), ['10:1-10:13 promotional cutting-edge'])
  // A reference to a label defined later is a link; to nothing, text (brackets and all).
  const later = await lint('Buy the [kettle] today.\n\n[kettle]: https://amzn.to/abc\n')
  assert.deepEqual(later.data.credibility?.links.map((link) => [link.kind, link.start, link.end]), [['reference', 8, 16]])
  const undefinedReference = await lint('Buy the [kettle][nowhere] today.\n')
  assert.deepEqual(undefinedReference.data.credibility?.links, [])
  // A footnote call counts only when its label is defined (case-insensitively); else it is text.
  assert.deepEqual((await lint('Studies show it.[^A]\n\n[^a]: Smith, 2021.\n')).data.credibility?.citations, [16])
  assert.deepEqual((await lint('Studies show it.[^nope]\n')).data.credibility?.citations, [])
  // A definition goes on with lines indented four columns, and lazily.
  assert.deepEqual(credibility(await report('Text.[^1]\n\n[^1]: Smith.\n    Experts say so.\n')), ['4:5-4:16 vague-sourcing Experts say'])
  assert.deepEqual(credibility(await report('Text.[^1]\n\n[^1]: Smith.\n\n    Experts say so.\n')), ['5:5-5:16 vague-sourcing Experts say'])
  // Entities: known ones are decoded in place, unknown ones and too-long numbers are text.
  const entities = await lint('Caf&eacute; &bogus; &#12345678; world&#45;class team.')
  assert.equal(entities.messages.find((m) => m.ruleId?.startsWith('promotional'))?.actual, 'world&#45;class')
  // `---` after the first line is a rule or a setext underline, never front matter.
  assert.deepEqual(credibility(await report('Intro.\n\n---\nExperts say so.\n---\n')), ['4:1-4:12 vague-sourcing Experts say'])
  // An image reference to nothing is text; `![^1]` is text and a citation, and so is the `[^2]` of `[text][^2]`.
  assert.deepEqual(credibility(await report('Experts say so![citation needed]\n')), ['1:1-1:12 vague-sourcing Experts say'])
  const images = await lint('Experts agree![^1] See [Smith 2020][^1] and ![alt](a.png).\n\n[^1]: Smith, 2020.\n')
  assert.deepEqual(images.data.credibility?.citations, [14, 35])
  assert.deepEqual(images.data.credibility?.links, [])
  // An empty destination is still an inline link (to nothing), not a reference, even when its label is defined.
  const empty = await lint('[a]() and []()\n\n[a]: https://amzn.to/x\n')
  assert.deepEqual(empty.data.credibility?.links.map((link) => [link.kind, link.url, link.start]), [['inline', '', 0], ['inline', '', 10]])
  // Hard breaks: two or more spaces, or a backslash, before a line ending; spaces before other text are not one.
  const breaks = await lint('One  \ntwo \nthree\\\nfour      five.\n')
  assert.deepEqual(breaks.data.credibility?.blocks.length, 1)
  assert.deepEqual(
    (await report('One  \ntwo \nthree\\\nfour      cutting-edge.\n')).filter((line) => line.includes('promotional')),
    ['4:11-4:23 promotional cutting-edge']
  )
  // Indentation of continued lines and trailing white space are not prose, but the words keep their places.
  assert.deepEqual(credibility(await report('A claim  \n   experts say   \n  is cutting-edge.   ')), ['2:4-2:15 vague-sourcing experts say', '3:6-3:18 promotional cutting-edge'])
})

test('Markdown nested thousands deep is read without running out of stack', async () => {
  // Containers and links are walked in a loop, not by recursion.
  assert.deepEqual(credibility(await report('>'.repeat(20000) + ' Experts say so.\n')), ['1:20002-1:20013 vague-sourcing Experts say'])
  assert.deepEqual(credibility(await report('- '.repeat(5000) + 'Experts say so.\n')), ['1:10001-1:10012 vague-sourcing Experts say'])
  // The parser itself recurses per level of emphasis: past what the stack holds, the document is read as plain text.
  const deep = '*'.repeat(20000) + 'Experts say so.' + '*'.repeat(20000)
  assert.deepEqual(credibility(await report(deep)), ['1:20001-1:20012 vague-sourcing Experts say'])
})

test('code, URLs, front matter, attributes and scripts are never linted', async () => {
  const markdown = [
    '---',
    'title: Experts say it is world-class',
    '---',
    '',
    'Run `experts_say --world-class` or see https://example.com/experts-say-world-class.',
    '',
    '```js',
    '// Experts say this is cutting-edge',
    '```',
    '',
    '<div data-note="experts say">Plain words.</div>'
  ].join('\n')
  assert.deepEqual(credibility(await report(markdown)), [])
  const html = '<p><code>buy now</code> <a href="https://x.test/?q=world-class" title="cutting-edge">a page</a></p><script>"experts say"</script><style>.world-class{}</style>'
  assert.deepEqual(credibility(await report(html, {format: 'html'})), [])
  assert.deepEqual(credibility(await report('See www.example.com/studies-show-it for more.', {format: 'text'})), [])
})

test('plain text: a heading line never merges into the next sentence; lower-case lines carry on', async () => {
  const text = 'Experts Corner\nSay what you will, the plan passed.\nThe plan, which\nanalysts warn is risky, passed.\n'
  assert.deepEqual(credibility(await report(text, {format: 'text'})), ['4:1-4:14 vague-sourcing analysts warn'])
})

test('control comments: ignore, disable and enable by rule id, family or all; unused ones are reported', async () => {
  const doc = [
    '<!-- retext-credibility ignore promotional -->',
    'A world-class view. Experts say so.',
    '',
    'A world-class view.',
    '',
    '<!-- retext-credibility disable vague-sourcing promotional-call-to-action -->',
    '',
    'Experts say buy now, a world-class deal.',
    '',
    '<!-- retext-credibility enable vague-sourcing -->',
    '',
    'Experts say buy now.',
    '',
    '<!-- retext-credibility disable -->',
    '',
    'Experts say it is world-class.',
    '',
    '<!-- retext-credibility ignore vague-sourcing -->',
    '',
    'Plain words.'
  ].join('\n')
  const lines = await report(doc)
  assert.deepEqual(lines, [
    '2:21-2:32 vague-sourcing Experts say',
    '4:3-4:14 promotional world-class',
    '8:24-8:35 promotional world-class',
    '12:1-12:12 vague-sourcing Experts say',
    '18:1-18:50 unused-suppression <!-- retext-credibility ignore vague-sourcing -->'
  ])
  const html = '<!-- retext-credibility ignore --><p>World-class, experts say.</p><p>World-class.</p>'
  assert.deepEqual(credibility(await report(html, {format: 'html'})), ['1:70-1:81 promotional World-class'])
  const unknown = await report('<!-- retext-credibility disable fluff -->\n\nWorld-class.\n')
  assert.ok(unknown.some((line) => /unknown-control-rule/.test(line)), unknown.join('\n'))
})

test('config: families, specific ids, options, ignore and extra phrases', async () => {
  const doc = 'Experts say it is world-class. Buy now. According to a Reuters report, it works.'
  const ids = async (options) => (await lint(doc, options)).messages.map((m) => `${m.ruleId}:${m.fatal}`)
  assert.deepEqual(await ids({}), ['vague-sourcing:false', 'promotional:false', 'promotional-call-to-action:false', 'vague-sourcing-outlet:undefined'])
  assert.deepEqual(await ids({rules: {promotional: 'off'}}), ['vague-sourcing:false', 'vague-sourcing-outlet:undefined'])
  assert.deepEqual(await ids({rules: {promotional: 'error', 'promotional-call-to-action': 'off', 'vague-sourcing': 0}}), ['promotional:true'])
  assert.deepEqual(await ids({rules: {'vague-sourcing-outlet': 2, promotional: 'off', 'vague-sourcing': 1}}), ['vague-sourcing:false', 'vague-sourcing-outlet:true'])
  assert.deepEqual(await ids({ignore: ['world class', 'experts say'], rules: {'vague-sourcing-outlet': 'off'}}), ['promotional-call-to-action:false'])
  const flagged = await lint('Our synergies are unlocked.', {flag: {promotional: ['synergy~']}})
  assert.deepEqual(flagged.messages.map((m) => `${m.ruleId} ${m.actual}`), ['promotional synergies'])
  const quote = '"It is a world-class ferry," said Ana Ruiz, the mayor.'
  assert.deepEqual((await lint(quote)).messages.map((m) => m.ruleId), [])
  assert.deepEqual((await lint(quote, {rules: {promotional: ['warn', {flagQuotations: true}]}})).messages.map((m) => m.actual), ['world-class'])
})

test('config: bad values throw a ConfigError naming the key and the value', async () => {
  const cases = [
    [{rules: {promotional: 'sometimes'}}, 'rules.promotional', /`"sometimes"`/],
    [{rules: {fluff: 'warn'}}, 'rules.fluff', /`"fluff"`/],
    [{rules: {promotional: ['warn', 3]}}, 'rules.promotional[1]', /`3`/],
    [{ignore: 'studies show'}, 'ignore', /a list of phrases/],
    [{flag: {weasel: ['x']}}, 'flag.weasel', /`"weasel"`/],
    [{siteDisclosure: 'yes'}, 'siteDisclosure', /`"yes"`/],
    [{colour: true}, 'colour', /no such key/],
    [[], '(root)', /an object/]
  ]
  for (const [config, path, reason] of cases) {
    assert.throws(() => parseConfig(config), (error) => error instanceof ConfigError && error.path === path && reason.test(error.message), JSON.stringify(config))
  }

  await assert.rejects(lint('x', {rules: {promotional: 'sometimes'}}), ConfigError)
})

test('config: every rule id the preset runs is known, with its default level, in the order it runs', () => {
  const expected = [
    ...ruleDefinitions.flatMap((definition) => Object.entries(definition.rules).map(([id, info]) => [id, info.level])),
    ...Object.entries(proseRules).map(([id, info]) => [id, info.level])
  ]
  assert.deepEqual([...knownRuleIds], expected)
  assert.ok(expected.length >= 11, 'every family is there: ' + expected.map(([id]) => id).join(', '))
  assert.deepEqual(parseConfig({rules: {'affiliate-link': 'off', 'vague-sourcing-outlet': 'warn', passive: 'off'}}).rules, {
    'affiliate-link': 'off',
    'vague-sourcing-outlet': 'warn',
    passive: 'off'
  })
})

test('readability and passive stay quiet on a typical news article', async () => {
  const article = [
    '# Council backs new ferry route',
    '',
    'The harbour council voted on Tuesday to fund a second ferry route between the old town and the island. The vote was seven to two.',
    '',
    'The new route will run every forty minutes from May. Tickets will cost the same as on the existing line, the council said in a statement.',
    '',
    'Two members voted against the plan. They said the money would be better spent on repairing the harbour wall, which was damaged in a storm last winter and has been closed to the public since.',
    '',
    'The ferry operator, which has run the island service since 2009, will lease a second boat. Its chief executive told reporters that crews were already being trained and that the first sailings would be free for residents.',
    '',
    'Repairs to the harbour wall are expected to start in the autumn, once the council has chosen a contractor from the four companies that have bid for the work.',
    '',
    'Residents can comment on the timetable on the council website until the end of the month.'
  ].join('\n')
  const file = await lint(article)
  const prose = file.messages.filter((m) => m.ruleId === 'readability' || m.ruleId === 'passive')
  assert.ok(prose.length <= 6, prose.map(String).join('\n'))
  assert.ok(prose.every((m) => m.fatal === undefined), 'prose findings are info')
  assert.deepEqual(file.messages.filter((m) => m.source === 'retext-credibility').map(String), [])
  const hard =
    'Notwithstanding considerable institutional reluctance, the municipality’s infrastructural rehabilitation programme was comprehensively reorganised, notwithstanding contradictory administrative recommendations.'
  const flagged = await lint(hard)
  assert.deepEqual(flagged.messages.map((m) => `${m.ruleId} ${m.fatal}`), ['readability undefined'])
  const passive = await lint('The bridge was built.', {rules: {passive: 'warn'}})
  assert.deepEqual(passive.messages.map((m) => `${m.ruleId} ${m.actual} ${m.fatal}`), ['passive built false'])
  const quiet = await lint(hard, {rules: {readability: 'off', passive: 'off'}})
  assert.equal(quiet.messages.length, 0)
})

test('the rule plugins work in a retext pipeline of one’s own', async () => {
  const processor = unified().use(retextEnglish).use(retextVagueSourcing, {severity: 'error'}).use(retextPromotional, {ignore: ['iconic']})
  const file = new VFile('Critics argue the iconic, world-class bridge is ugly.')
  await processor.run(processor.parse(file), file)
  assert.deepEqual(file.messages.map((m) => `${m.ruleId} ${m.actual} ${m.fatal}`), ['vague-sourcing Critics argue true', 'promotional world-class false'])
  const preset = unified().use(retextEnglish).use(retextCredibility, {rules: {readability: 'off'}})
  const other = new VFile('Studies show it is cutting-edge.')
  await preset.run(preset.parse(other), other)
  assert.deepEqual(other.messages.map((m) => m.ruleId), ['vague-sourcing', 'promotional'])
})

test('results are the same on every run (compiled matcher is shared, not mutated)', async () => {
  const doc = 'Experts say it made waves. According to a report, the world-class team boasts a pool.'
  const first = await report(doc)
  await report('Something else entirely, with experts saying things.')
  assert.deepEqual(await report(doc), first)
})
