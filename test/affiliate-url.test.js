import assert from 'node:assert/strict'
import {readFile} from 'node:fs/promises'
import {describe, it} from 'node:test'
import {parse} from 'yaml'
import {createUrlClassifier} from '../dist/src/affiliate/url.js'

const dataUrl = new URL(
  '../rules/affiliate-link-undisclosed/data.yml',
  import.meta.url
)
const data = parse(await readFile(dataUrl, 'utf8'))

/** @type {Array<Record<string, unknown>>} */
const networks = Array.isArray(data?.networks) ? data.networks : []
const generic = data?.generic ?? {}
const genericParams = Array.isArray(generic.params) ? generic.params : []

const networkKeys = new Set(['id', 'name', 'note', 'match', 'examples'])
const ruleKeys = new Set(['hosts', 'params', 'paths'])
const genericKeys = new Set(['note', 'params', 'examples'])
const kebab = /^[a-z\d]+(?:-[a-z\d]+)*$/
const label = /^[a-z\d](?:[a-z\d-]{0,61}[a-z\d])?$/
const paramName = /^[a-z][a-z\d_]*$/
// Parameters that are routinely present on ordinary links; never affiliate on their own.
const notAffiliateParams = new Set([
  'ref',
  'ref_',
  'source',
  'src',
  'via',
  'campaign',
  'utm_source',
  'utm_medium',
  'utm_campaign',
  'utm_term',
  'utm_content',
  'tag',
  'id'
])

/**
 * Why a host pattern is malformed, or `undefined` when it is fine.
 *
 * @param {unknown} pattern
 * @returns {string | undefined}
 */
function hostProblem(pattern) {
  if (typeof pattern !== 'string') return 'is not a string'
  if (pattern !== pattern.trim().toLowerCase()) {
    return 'must be lowercase without surrounding whitespace'
  }

  let rest = pattern
  let kind = 'exact'

  if (rest.startsWith('*.')) {
    kind = 'subdomain'
    rest = rest.slice(2)
  } else if (rest.endsWith('.*')) {
    kind = 'suffix'
    rest = rest.slice(0, -2)
  }

  if (rest.startsWith('www.')) return 'must not start with `www.` (it is ignored)'
  const labels = rest.split('.')
  const bad = labels.find((part) => !label.test(part))
  if (bad !== undefined) return 'has an invalid label `' + bad + '`'
  if (kind !== 'suffix' && labels.length < 2) return 'is too broad'
  return undefined
}

/**
 * @param {unknown} value
 * @returns {value is Array<string>}
 */
function isStringList(value) {
  return (
    Array.isArray(value) &&
    value.every((item) => typeof item === 'string' && item.trim() !== '')
  )
}

/**
 * @param {string} where
 * @param {unknown} examples
 */
function checkExamples(where, examples) {
  assert.ok(
    examples && typeof examples === 'object',
    where + ': missing `examples`'
  )
  const {affiliate, not} = /** @type {Record<string, unknown>} */ (examples)
  assert.ok(isStringList(affiliate), where + ': `examples.affiliate` must list URLs')
  assert.ok(isStringList(not), where + ': `examples.not` must list URLs')
  assert.ok(
    affiliate.length >= 2,
    where + ': needs at least 2 `examples.affiliate` (has ' + affiliate.length + ')'
  )
  assert.ok(
    not.length >= 2,
    where + ': needs at least 2 `examples.not` (has ' + not.length + ')'
  )
  const all = [...affiliate, ...not]
  const duplicate = all.find((url, index) => all.indexOf(url) !== index)
  assert.equal(duplicate, undefined, where + ': duplicate example ' + duplicate)

  for (const url of all) {
    assert.doesNotThrow(() => new URL(url), where + ': example is not a URL: ' + url)
  }
}

describe('affiliate data file', () => {
  it('has networks and a generic entry', () => {
    assert.ok(Array.isArray(data?.networks), '`networks` must be a list')
    assert.ok(networks.length > 0, '`networks` must not be empty')
    assert.ok(
      data.generic && typeof data.generic === 'object',
      '`generic` must be an object'
    )
  })

  it('has unique, kebab-case ids', () => {
    const seen = new Set()

    for (const [index, network] of networks.entries()) {
      const id = network.id
      assert.ok(
        typeof id === 'string' && kebab.test(id),
        'networks[' + index + ']: id `' + String(id) + '` must be kebab-case'
      )
      assert.notEqual(id, 'generic', id + ': `generic` is reserved')
      assert.ok(!seen.has(id), id + ': duplicate id')
      seen.add(id)
    }
  })

  for (const [index, network] of networks.entries()) {
    const where = typeof network.id === 'string' ? network.id : 'networks[' + index + ']'

    it(where + ' is well-formed', () => {
      for (const key of Object.keys(network)) {
        assert.ok(networkKeys.has(key), where + ': unknown key `' + key + '`')
      }

      assert.ok(
        typeof network.name === 'string' && network.name.trim() !== '',
        where + ': `name` must be a non-empty string'
      )
      assert.ok(
        typeof network.note === 'string' && network.note.trim().length >= 20,
        where + ': `note` must be a sentence'
      )
      assert.ok(
        network.note.trim().endsWith('.'),
        where + ': `note` must end with a full stop'
      )
      assert.ok(
        Array.isArray(network.match) && network.match.length > 0,
        where + ': `match` must list at least one rule'
      )

      for (const [ruleIndex, rule] of network.match.entries()) {
        const at = where + ' match[' + ruleIndex + ']'
        assert.ok(rule && typeof rule === 'object', at + ': must be an object')

        for (const key of Object.keys(rule)) {
          assert.ok(ruleKeys.has(key), at + ': unknown key `' + key + '`')
        }

        assert.ok(
          isStringList(rule.hosts) && rule.hosts.length > 0,
          at + ': `hosts` must list host patterns'
        )

        for (const host of rule.hosts) {
          const problem = hostProblem(host)
          assert.equal(problem, undefined, at + ': host `' + host + '` ' + problem)
        }

        if (rule.params !== undefined) {
          assert.ok(isStringList(rule.params), at + ': `params` must list names')

          for (const name of rule.params) {
            assert.ok(
              paramName.test(name),
              at + ': parameter `' + name + '` must be lowercase'
            )
          }
        }

        if (rule.paths !== undefined) {
          assert.ok(isStringList(rule.paths), at + ': `paths` must list paths')

          for (const path of rule.paths) {
            assert.ok(
              path.startsWith('/') && path.length > 1,
              at + ': path `' + path + '` must start with `/` and not be `/`'
            )
            assert.ok(
              !path.includes('//'),
              at + ': path `' + path + '` has an empty segment'
            )
            assert.equal(path, path.toLowerCase(), at + ': path `' + path + '` must be lowercase')
          }
        }
      }

      checkExamples(where, network.examples)
    })
  }

  it('generic is well-formed', () => {
    for (const key of Object.keys(generic)) {
      assert.ok(genericKeys.has(key), 'generic: unknown key `' + key + '`')
    }

    assert.ok(
      typeof generic.note === 'string' && generic.note.trim().endsWith('.'),
      'generic: `note` must be a sentence'
    )
    assert.ok(
      isStringList(generic.params) && generic.params.length > 0,
      'generic: `params` must list parameter names'
    )

    for (const name of generic.params) {
      assert.ok(paramName.test(name), 'generic: parameter `' + name + '` must be lowercase')
      assert.ok(
        !notAffiliateParams.has(name) && !name.startsWith('utm_'),
        'generic: `' + name + '` does not mean an affiliate on its own'
      )
    }

    checkExamples('generic', generic.examples)
  })

  it('compiles', () => {
    assert.doesNotThrow(() => createUrlClassifier(networks, genericParams))
  })
})

describe('classifying the data file examples', () => {
  const classify = createUrlClassifier(networks, genericParams)

  for (const network of networks) {
    it(String(network.id), () => {
      for (const url of network.examples.affiliate) {
        const result = classify(url)
        assert.equal(
          result?.network,
          network.id,
          network.id + ': expected affiliate example ' + url + ' to be ' +
            network.id + ', got ' + (result ? result.network : 'nothing')
        )
        assert.equal(result?.name, network.name, network.id + ': name for ' + url)
      }

      for (const url of network.examples.not) {
        const result = classify(url)
        assert.equal(
          result,
          undefined,
          network.id + ': expected negative example ' + url +
            ' not to be classified, got ' + (result ? result.network : '')
        )
      }
    })
  }

  it('generic', () => {
    for (const url of generic.examples.affiliate) {
      assert.deepEqual(
        classify(url),
        {network: 'generic', name: 'Affiliate parameter'},
        'generic: expected affiliate example ' + url + ' to be generic'
      )
    }

    for (const url of generic.examples.not) {
      const result = classify(url)
      assert.equal(
        result,
        undefined,
        'generic: expected negative example ' + url +
          ' not to be classified, got ' + (result ? result.network : '')
      )
    }
  })
})

describe('createUrlClassifier edge cases', () => {
  const classify = createUrlClassifier(networks, genericParams)
  /** @param {string} href */
  const network = (href) => classify(href)?.network

  it('ignores case of hosts, schemes and parameter names', () => {
    assert.equal(network('HTTPS://WWW.AMAZON.COM/dp/B0ABC12345?TAG=kitchenblog-20'), 'amazon-associates')
    assert.equal(network('https://AMZN.TO/3xYzAbC'), 'amazon-associates')
    assert.equal(network('https://Example.COM/?AFF_ID=1'), 'generic')
    assert.equal(network('https://WWW.AMAZON.COM/EXEC/OBIDOS/ASIN/0596000278/OLDBLOG-20'), 'amazon-associates')
  })

  it('ignores a leading www. and a trailing root dot', () => {
    assert.equal(network('https://amazon.com/dp/B0ABC12345?tag=a-20'), 'amazon-associates')
    assert.equal(network('https://www.amzn.to/3xYzAbC'), 'amazon-associates')
    assert.equal(network('https://amzn.to./3xYzAbC'), 'amazon-associates')
  })

  it('accepts protocol-relative and bare www. links', () => {
    assert.equal(network('//www.jdoqocy.com/click-1234567-12345678'), 'cj')
    assert.equal(network('www.amazon.com/dp/B0ABC12345?tag=a-20'), 'amazon-associates')
    assert.equal(network('WWW.amazon.com/dp/B0ABC12345?tag=a-20'), 'amazon-associates')
    assert.equal(network('  https://amzn.to/3xYzAbC  '), 'amazon-associates')
  })

  it('ignores links that are not absolute web URLs', () => {
    for (const href of [
      '',
      '   ',
      'not a url',
      'http://',
      'https://',
      '//',
      'mailto:someone@example.com?aff=1',
      'tel:+15555550100',
      'javascript:void(0)',
      'ftp://amzn.to/3xYzAbC',
      'data:text/html,<a href="https://amzn.to/x">',
      '/relative/path?aff=1',
      'relative/path?tag=a-20',
      '../up?aff=1',
      '?aff=1',
      '#aff=1',
      'amzn.to/3xYzAbC',
      'https://exa mple.com/?aff=1',
      'https://%zz/?aff=1'
    ]) {
      assert.equal(classify(href), undefined, 'expected nothing for ' + JSON.stringify(href))
    }
  })

  it('survives garbage input', () => {
    for (const value of [undefined, null, 42, {}, [], Symbol.iterator, () => 'x']) {
      assert.equal(
        classify(/** @type {string} */ (/** @type {unknown} */ (value))),
        undefined,
        'expected nothing for ' + String(typeof value)
      )
    }
  })

  it('does not trust look-alike hosts or userinfo', () => {
    assert.equal(network('https://www.amazon.com.evil.example/dp/B0ABC12345?tag=a-20'), undefined)
    assert.equal(network('https://amazon.evil.example/?tag=a-20'), undefined)
    assert.equal(network('https://amzn.to@evil.example/3xYzAbC'), undefined)
    assert.equal(network('https://evil.example/amzn.to/3xYzAbC'), undefined)
    assert.equal(network('https://evil.example/?u=https://amzn.to/3xYzAbC'), undefined)
  })

  it('matches amazon.* only on public suffixes', () => {
    for (const host of ['amazon.com', 'amazon.co.uk', 'amazon.de', 'amazon.co.jp', 'amazon.com.br', 'amazon.com.mx', 'amazon.ca', 'amazon.in']) {
      assert.equal(network('https://www.' + host + '/dp/B0ABC12345?tag=a-20'), 'amazon-associates', host)
    }

    assert.equal(network('https://amazon.blog.example/?tag=a-20'), undefined)
    assert.equal(network('https://amazon.co.example/?tag=a-20'), undefined)
  })

  it('treats *.domain as subdomains only', () => {
    assert.equal(network('https://sjv.io/c/1/2/3'), undefined)
    assert.equal(network('https://a.b.sjv.io/c/1/2/3'), 'impact')
  })

  it('requires a non-blank parameter value', () => {
    assert.equal(network('https://www.example.com/?aff=%20'), undefined)
    assert.equal(network('https://www.example.com/?aff'), undefined)
    assert.equal(network('https://www.booking.com/hotel/x.html?aid='), undefined)
  })

  it('falls back to generic parameters on a network host', () => {
    assert.equal(network('https://www.amazon.com/dp/B0ABC12345?aff=12345'), 'generic')
  })

  it('handles very long URLs quickly', () => {
    const started = performance.now()
    const query = 'x=y&'.repeat(50_000)
    assert.equal(network('https://www.amazon.com/dp/B0ABC12345?' + query + 'tag=a-20'), 'amazon-associates')
    assert.equal(network('https://www.example.com/?' + query), undefined)
    assert.equal(network('https://www.example.com/' + 'a/'.repeat(50_000) + '?' + query), undefined)
    assert.equal(network('https://bookshop.org/a/' + 'b/'.repeat(50_000)), 'bookshop-org')
    assert.equal(network('https://' + 'a.'.repeat(200) + 'sjv.io/c/1/2/3'), undefined, 'hosts longer than DNS allows')
    assert.equal(network('https://' + 'a.'.repeat(100) + 'sjv.io/c/1/2/3'), 'impact')
    assert.equal(network('https://' + 'a'.repeat(100_000) + '.example/?aff=1'), undefined)
    assert.equal(network('https://amzn.to/' + '%'.repeat(100_000)), 'amazon-associates')
    assert.ok(performance.now() - started < 2000, 'took too long')
  })

  it('classifies many URLs without slowing down', () => {
    const started = performance.now()

    for (let index = 0; index < 20_000; index++) {
      classify('https://www.example' + index + '.com/post/' + index + '?utm_source=x')
    }

    assert.ok(performance.now() - started < 2000, 'took too long')
  })
})

describe('createUrlClassifier contract', () => {
  const base = {name: 'Test', note: 'A test network.'}

  it('prefers the network declared first', () => {
    const classify = createUrlClassifier(
      [
        {...base, id: 'first', match: [{hosts: ['*.example.com'], params: ['p']}]},
        {...base, id: 'second', match: [{hosts: ['shop.example.com']}]}
      ],
      []
    )
    assert.equal(classify('https://shop.example.com/?p=1')?.network, 'first')
    assert.equal(classify('https://shop.example.com/')?.network, 'second')
  })

  it('matches path segments, wildcards and suffixes', () => {
    const classify = createUrlClassifier(
      [{...base, id: 'paths', match: [{hosts: ['example.com'], paths: ['/go/*/*-20', '/R.cfm']}]}],
      []
    )
    assert.equal(classify('https://example.com/go/item/tag-20')?.network, 'paths')
    assert.equal(classify('https://example.com/GO/item/TAG-20/more')?.network, 'paths')
    assert.equal(classify('https://example.com/r.cfm?b=1')?.network, 'paths')
    assert.equal(classify('https://example.com/go/item/-20'), undefined)
    assert.equal(classify('https://example.com/go//tag-20'), undefined)
    assert.equal(classify('https://example.com/go/item'), undefined)
    assert.equal(classify('https://example.com/r.cfmx'), undefined)
    assert.equal(classify('https://example.com/'), undefined)
  })

  it('returns the generic match for generic parameters', () => {
    const classify = createUrlClassifier([], ['Aff'])
    assert.deepEqual(classify('https://example.com/?aff=1'), {
      network: 'generic',
      name: 'Affiliate parameter'
    })
    assert.equal(classify('https://example.com/?ref=1'), undefined)
  })

  it('rejects malformed data, naming the network', () => {
    /** @param {Array<Record<string, unknown>>} list */
    const compile = (list) => () => createUrlClassifier(list, [])

    assert.throws(compile([{...base, id: 'bad', match: [{hosts: ['amazon.*.com']}]}]), /bad/)
    assert.throws(compile([{...base, id: 'bad', match: [{hosts: ['*.com']}]}]), /bad/)
    assert.throws(compile([{...base, id: 'bad', match: [{hosts: ['com']}]}]), /bad/)
    assert.throws(compile([{...base, id: 'bad', match: [{hosts: ['exa mple.com']}]}]), /bad/)
    assert.throws(compile([{...base, id: 'bad', match: [{hosts: []}]}]), /bad/)
    assert.throws(compile([{...base, id: 'bad', match: []}]), /bad/)
    assert.throws(compile([{...base, id: 'bad', match: [{hosts: ['example.com'], paths: ['/a*b']}]}]), /bad/)
    assert.throws(compile([{...base, id: 'bad', match: [{hosts: ['example.com'], paths: ['/']}]}]), /bad/)
    assert.throws(compile([{...base, id: 'bad', match: [{hosts: ['example.com'], paths: ['no-slash']}]}]), /bad/)
    assert.throws(compile([{...base, id: 'bad', match: [{hosts: ['example.com'], params: ['']}]}]), /bad/)
    assert.throws(compile([{...base, id: 'generic', match: [{hosts: ['example.com']}]}]), /generic/)
    assert.throws(
      compile([
        {...base, id: 'twice', match: [{hosts: ['example.com']}]},
        {...base, id: 'twice', match: [{hosts: ['example.org']}]}
      ]),
      /twice/
    )
  })
})
