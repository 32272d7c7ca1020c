/**
 * Pure, dependency-free recognition of affiliate links from their URL.
 *
 * Host patterns (see `rules/affiliate-link-undisclosed/data.yml`):
 *
 * - `example.com` — exactly that host;
 * - `*.example.com` — any subdomain of `example.com` (not the bare domain);
 * - `example.*` — `example` under any public suffix (`example.com`,
 *   `example.de`, `example.co.uk`, …), recognised with a small built-in
 *   heuristic rather than the full Public Suffix List.
 *
 * A leading `www.` is ignored on both patterns and URLs.
 *
 * Path patterns are matched segment by segment from the start of the path,
 * case-insensitively: a literal segment must be equal, `*` matches any
 * non-empty segment, and `*suffix` matches a segment that ends in `suffix`
 * (and has at least one character before it).
 * Longer URL paths still match, so `/a/*` matches `/a/123/9780143127741`.
 *
 * No regular expressions are used, so there is nothing to backtrack.
 */

/** One way a network marks its links; kept as data so new networks need no code. */
export interface UrlRule {
  readonly hosts: readonly string[]
  readonly params?: readonly string[]
  readonly paths?: readonly string[]
}

/** An affiliate network as described in the rule's data file, so notes and ids travel with the patterns. */
export interface Network {
  readonly id: string
  readonly name: string
  readonly note: string
  readonly match: readonly UrlRule[]
}

/** What a recognised link is attributed to, so messages can name the network. */
export interface AffiliateMatch {
  readonly network: string
  readonly name: string
}

type Segment =
  | {readonly kind: 'literal'; readonly text: string}
  | {readonly kind: 'any'}
  | {readonly kind: 'ends'; readonly text: string}

interface CompiledRule {
  /** Declaration order, so that the first network in the data file wins. */
  readonly order: number
  readonly result: AffiliateMatch
  readonly params: ReadonlySet<string> | undefined
  readonly paths: ReadonlyArray<readonly Segment[]> | undefined
}

type Index = Map<string, CompiledRule[]>

interface Candidate {
  readonly url: URL
  present: ReadonlySet<string> | undefined
  segments: readonly string[] | undefined
  best: CompiledRule | undefined
}

const genericMatch: AffiliateMatch = Object.freeze({
  network: 'generic',
  name: 'Affiliate parameter'
})

/**
 * Second-level labels that, under a two-letter country code, form a public
 * suffix (`co.uk`, `com.au`, `co.jp`, …).
 */
const secondLevel = new Set([
  'ac',
  'co',
  'com',
  'edu',
  'gob',
  'gov',
  'ltd',
  'ne',
  'net',
  'or',
  'org',
  'plc'
])

/** Longest host name DNS allows; longer “hosts” cannot be real links. */
const maxHostLength = 253

/** Compile networks once, so classifying each link in a document costs a few map look-ups instead of a scan over every network. */
export function createUrlClassifier(
  networks: readonly Network[],
  genericParams: readonly string[]
): (href: string) => AffiliateMatch | undefined {
  const exact: Index = new Map()
  const subdomain: Index = new Map()
  const suffix: Index = new Map()
  /** Every parameter name any rule cares about: only these are collected per URL. */
  const relevant = new Set<string>()
  const seen = new Set<string>()
  let order = 0

  for (const network of networks) {
    const id = network.id

    if (typeof id !== 'string' || id === '') {
      throw new TypeError('Affiliate network without an `id`')
    }

    if (id === genericMatch.network) {
      throw new TypeError(
        'Affiliate network id `' + id + '` is reserved for generic parameters'
      )
    }

    if (seen.has(id)) {
      throw new TypeError('Duplicate affiliate network id `' + id + '`')
    }

    seen.add(id)

    if (!Array.isArray(network.match) || network.match.length === 0) {
      throw new TypeError('Affiliate network `' + id + '` has no `match` rules')
    }

    const result: AffiliateMatch = Object.freeze({
      network: id,
      name: network.name
    })

    for (const rule of network.match) {
      const where = 'affiliate network `' + id + '`'

      if (!Array.isArray(rule.hosts) || rule.hosts.length === 0) {
        throw new TypeError('A rule of ' + where + ' has no `hosts`')
      }

      const params = compileParams(rule.params, where)
      const compiled: CompiledRule = {
        order: order++,
        result,
        params,
        paths: compilePaths(rule.paths, where)
      }

      if (params) {
        for (const name of params) relevant.add(name)
      }

      for (const pattern of rule.hosts) {
        const host = compileHost(pattern, where)
        const index =
          host.kind === 'exact'
            ? exact
            : host.kind === 'subdomain'
              ? subdomain
              : suffix
        const list = index.get(host.key)
        if (list) list.push(compiled)
        else index.set(host.key, [compiled])
      }
    }
  }

  const generic = compileParams(genericParams, 'generic parameters')

  if (generic) {
    for (const name of generic) relevant.add(name)
  }

  return classify

  /** Classify one link; anything that is not an absolute web URL yields `undefined`. */
  function classify(href: string): AffiliateMatch | undefined {
    const url = parse(href)
    if (!url) return undefined
    const host = normalizeHost(url.hostname)
    if (host === undefined) return undefined

    const candidate: Candidate = {
      url,
      present: undefined,
      segments: undefined,
      best: undefined
    }

    consider(candidate, exact.get(host), relevant)

    if (subdomain.size > 0) {
      let dot = host.indexOf('.')
      while (dot !== -1) {
        consider(candidate, subdomain.get(host.slice(dot + 1)), relevant)
        dot = host.indexOf('.', dot + 1)
      }
    }

    if (suffix.size > 0) {
      const last = host.lastIndexOf('.')

      if (last > 0) {
        consider(candidate, suffix.get(host.slice(0, last)), relevant)
        const previous = host.lastIndexOf('.', last - 1)

        if (
          previous > 0 &&
          host.length - last - 1 === 2 &&
          secondLevel.has(host.slice(previous + 1, last))
        ) {
          consider(candidate, suffix.get(host.slice(0, previous)), relevant)
        }
      }
    }

    if (candidate.best) return candidate.best.result

    if (generic && hasAny(generic, presentParams(candidate, relevant))) {
      return genericMatch
    }

    return undefined
  }
}

/**
 * Check rules found for one host key, keeping the earliest declared match.
 */
function consider(
  candidate: Candidate,
  rules: readonly CompiledRule[] | undefined,
  relevant: ReadonlySet<string>
): void {
  if (!rules) return

  for (const rule of rules) {
    if (candidate.best && rule.order >= candidate.best.order) continue
    if (rule.params && !hasAny(rule.params, presentParams(candidate, relevant)))
      continue
    if (rule.paths && !pathMatches(rule.paths, pathSegments(candidate)))
      continue
    candidate.best = rule
  }
}

/**
 * Parse a link, accepting protocol-relative and bare `www.` forms.
 */
function parse(href: unknown): URL | undefined {
  if (typeof href !== 'string') return undefined
  let value = href.trim()
  if (value === '') return undefined

  if (value.startsWith('//')) {
    value = 'https:' + value
  } else if (value.slice(0, 4).toLowerCase() === 'www.') {
    value = 'https://' + value
  }

  let url: URL

  try {
    url = new URL(value)
  } catch {
    return undefined
  }

  return url.protocol === 'http:' || url.protocol === 'https:'
    ? url
    : undefined
}

/**
 * Lowercase, drop a trailing root dot and a leading `www.`.
 */
function normalizeHost(hostname: string): string | undefined {
  let host = hostname.toLowerCase()
  if (host.endsWith('.')) host = host.slice(0, -1)
  if (host === '' || host.length > maxHostLength) return undefined
  if (host.startsWith('www.') && host.indexOf('.', 4) !== -1) {
    host = host.slice(4)
  }

  return host
}

/**
 * Names of relevant query parameters that carry a non-blank value.
 */
function presentParams(
  candidate: Candidate,
  relevant: ReadonlySet<string>
): ReadonlySet<string> {
  if (candidate.present) return candidate.present
  const present = new Set<string>()

  if (relevant.size > 0 && candidate.url.search.length > 1) {
    for (const [name, value] of candidate.url.searchParams) {
      const key = name.toLowerCase()
      if (relevant.has(key) && value.trim() !== '') present.add(key)
    }
  }

  candidate.present = present
  return present
}

/**
 * Lowercased path segments, without the empty one before the first slash.
 */
function pathSegments(candidate: Candidate): readonly string[] {
  if (candidate.segments) return candidate.segments
  const segments = candidate.url.pathname.toLowerCase().split('/').slice(1)
  candidate.segments = segments
  return segments
}

function hasAny(
  wanted: ReadonlySet<string>,
  present: ReadonlySet<string>
): boolean {
  if (present.size === 0) return false

  for (const name of wanted) {
    if (present.has(name)) return true
  }

  return false
}

function pathMatches(
  patterns: ReadonlyArray<readonly Segment[]>,
  segments: readonly string[]
): boolean {
  for (const pattern of patterns) {
    if (segmentsMatch(pattern, segments)) return true
  }

  return false
}

function segmentsMatch(
  pattern: readonly Segment[],
  segments: readonly string[]
): boolean {
  if (segments.length < pattern.length) return false
  let index = -1

  for (const expected of pattern) {
    index++
    const actual = segments[index]
    if (actual === undefined) return false

    if (expected.kind === 'any') {
      if (actual === '') return false
    } else if (expected.kind === 'ends') {
      if (
        actual.length <= expected.text.length ||
        !actual.endsWith(expected.text)
      ) {
        return false
      }
    } else if (actual !== expected.text) {
      return false
    }
  }

  return true
}

function compileParams(
  names: readonly string[] | undefined,
  where: string
): ReadonlySet<string> | undefined {
  if (names === undefined || names === null) return undefined

  if (!Array.isArray(names)) {
    throw new TypeError('Expected a list of parameters in ' + where)
  }

  const set = new Set<string>()

  for (const name of names) {
    if (typeof name !== 'string' || name.trim() === '') {
      throw new TypeError('Empty query parameter name in ' + where)
    }

    set.add(name.trim().toLowerCase())
  }

  return set.size > 0 ? set : undefined
}

function compilePaths(
  paths: readonly string[] | undefined,
  where: string
): ReadonlyArray<readonly Segment[]> | undefined {
  if (paths === undefined || paths === null) return undefined

  if (!Array.isArray(paths)) {
    throw new TypeError('Expected a list of paths in ' + where)
  }

  const compiled: Array<readonly Segment[]> = []

  for (const path of paths) {
    if (typeof path !== 'string' || !path.startsWith('/')) {
      throw new TypeError(
        'Path pattern `' + String(path) + '` in ' + where + ' must start with `/`'
      )
    }

    const parts = path.toLowerCase().split('/').slice(1)
    while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop()

    if (parts.length === 0) {
      throw new TypeError(
        'Path pattern `' + path + '` in ' + where + ' matches every path'
      )
    }

    const segments: Segment[] = []

    for (const part of parts) {
      if (part === '') {
        throw new TypeError(
          'Path pattern `' + path + '` in ' + where + ' has an empty segment'
        )
      }

      if (part === '*') {
        segments.push({kind: 'any'})
      } else if (part.startsWith('*') && !part.includes('*', 1)) {
        segments.push({kind: 'ends', text: part.slice(1)})
      } else if (part.includes('*')) {
        throw new TypeError(
          'Path pattern `' +
            path +
            '` in ' +
            where +
            ' may only use `*` at the start of a segment'
        )
      } else {
        segments.push({kind: 'literal', text: part})
      }
    }

    compiled.push(segments)
  }

  return compiled.length > 0 ? compiled : undefined
}

function compileHost(
  pattern: string,
  where: string
): {readonly kind: 'exact' | 'subdomain' | 'suffix'; readonly key: string} {
  if (typeof pattern !== 'string') {
    throw new TypeError('Host pattern in ' + where + ' is not a string')
  }

  let key = pattern.trim().toLowerCase()
  let kind: 'exact' | 'subdomain' | 'suffix' = 'exact'

  if (key.startsWith('*.')) {
    kind = 'subdomain'
    key = key.slice(2)
  } else if (key.endsWith('.*')) {
    kind = 'suffix'
    key = key.slice(0, -2)
  }

  if (key.startsWith('www.')) key = key.slice(4)

  const labels = key.split('.')

  if (!labels.every((label) => isLabel(label))) {
    throw new TypeError(
      'Malformed host pattern `' + pattern + '` in ' + where
    )
  }

  if (kind !== 'suffix' && labels.length < 2) {
    throw new TypeError(
      'Host pattern `' +
        pattern +
        '` in ' +
        where +
        ' is too broad: name at least a registrable domain'
    )
  }

  return {kind, key}
}

/**
 * Whether `label` is a DNS label: 1–63 of `a-z`, `0-9`, `-`, not starting or ending with `-`.
 */
function isLabel(label: string): boolean {
  if (label.length === 0 || label.length > 63) return false
  if (label.startsWith('-') || label.endsWith('-')) return false

  for (let index = 0; index < label.length; index++) {
    const code = label.charCodeAt(index)
    const ok =
      (code >= 97 /* a */ && code <= 122) /* z */ ||
      (code >= 48 /* 0 */ && code <= 57) /* 9 */ ||
      code === 45 /* - */
    if (!ok) return false
  }

  return true
}
