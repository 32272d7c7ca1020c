/**
 * `npm run bench -- <corpus-folder> [--runs <n>] [--no-peers] [--peers-dir <folder>] [--jobs <n>]`
 *
 * Measures, side by side in one run, every figure the performance targets
 * of issue 6 talk about, each in its own child process (whole process: start
 * up, read, lint, exit), so wall time and peak memory are per measurement:
 *
 * - the bare parse floor (remark-parse → mdast-util-to-nlcst with
 *   parse-english, which is what remark → remark-retext → retext-english
 *   does), the credibility rules alone, the full preset, the CLI with one and
 *   with all workers, a cold and a cached CLI run, and alex and write-good
 *   (installed into a scratch folder, unless `--no-peers`), on the corpus;
 * - the floor, the rules and the preset on one generated ~1 MB document
 *   (corpus files concatenated);
 * - a linearity check: in-process time of the same text once and ten times
 *   over (after a warm-up, so start-up and JIT do not count).
 *
 * Rounds are interleaved (every measurement once, then again), so load from
 * other processes on the machine spreads over all of them; the tables show
 * medians and the range.
 */
import {spawn, spawnSync} from 'node:child_process'
import {existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync} from 'node:fs'
import {availableParallelism, cpus, loadavg, tmpdir, totalmem} from 'node:os'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'

const here = path.dirname(fileURLToPath(import.meta.url))
const benchFile = fileURLToPath(import.meta.url)
const peakFile = path.join(here, 'peak.js')
const cliFile = path.resolve(here, '..', '..', 'cli', 'bin.js')

type ChildScenario = 'floor' | 'rules' | 'preset'

/** What a child process of ours reports on stdout. */
interface ChildReport {
  readonly work: number
  readonly files: number
  readonly bytes: number
  readonly messages: number
}

/** One measurement: a command to run in its own process. */
interface Scenario {
  readonly id: string
  readonly label: string
  readonly command: () => {args: string[]; env?: Record<string, string>}
  /** Exit codes that mean the run worked (linters exit 1 on findings). */
  readonly ok: (code: number | null) => boolean
}

interface Sample {
  wall: number
  rss: number | undefined
  cpu: number | undefined
  work: number | undefined
  messages: number | undefined
}

// ---------------------------------------------------------------------------
// Child: the work of one in-process measurement.

async function child(argv: string[]): Promise<void> {
  const [scenario, ...rest] = argv as [ChildScenario, ...string[]]
  let warm: string | undefined
  const inputs: string[] = []
  for (let index = 0; index < rest.length; index++) {
    const value = rest[index]!
    if (value === '--warm') warm = rest[++index]
    else inputs.push(value)
  }

  const files = collect(inputs).map((file) => ({path: file, value: readFileSync(file, 'utf8')}))
  const lintOne = await loadScenario(scenario)
  if (warm !== undefined) await lintOne({path: warm, value: readFileSync(warm, 'utf8')})
  const gc = (globalThis as {gc?: () => void}).gc
  if (gc) gc()
  const start = performance.now()
  let messages = 0
  for (const file of files) messages += await lintOne(file)
  const work = performance.now() - start
  const report: ChildReport = {work, files: files.length, bytes: files.reduce((sum, d) => sum + Buffer.byteLength(d.value), 0), messages}
  process.stdout.write(JSON.stringify(report))
}

/** Load only what a scenario needs, so that module loading counts where it belongs. */
async function loadScenario(scenario: ChildScenario): Promise<(file: {path: string; value: string}) => Promise<number>> {
  const {VFile} = await import('vfile')
  if (scenario === 'floor') {
    const {unified} = await import('unified')
    const {default: remarkParse} = await import('remark-parse')
    const {toNlcst} = await import('mdast-util-to-nlcst')
    const {ParseEnglish} = await import('parse-english')
    const processor = unified().use(remarkParse)
    return async function (input) {
      const file = new VFile(input)
      const mdast = processor.parse(file)
      // What remark-retext does with retext-english's parser.
      toNlcst(mdast, file, ParseEnglish)
      return 0
    }
  }

  const {lint} = await import('../index.js')
  const options = scenario === 'rules' ? {rules: {readability: 'off' as const, passive: 'off' as const}} : {}
  return async function (input) {
    const file = await lint(new VFile(input), options)
    return file.messages.length
  }
}

/** Files from files and folders (Markdown files directly inside, sorted). */
function collect(inputs: readonly string[]): string[] {
  const files: string[] = []
  for (const input of inputs) {
    if (statSync(input).isDirectory()) {
      for (const name of readdirSync(input).sort()) if (/\.(?:md|markdown)$/i.test(name)) files.push(path.join(input, name))
    } else {
      files.push(input)
    }
  }

  return files
}

// ---------------------------------------------------------------------------
// Parent: run every scenario in rounds and print tables.

interface Settings {
  corpus: string
  runs: number
  peers: boolean
  peersDir: string
  jobs: number
}

function parseArgs(argv: string[]): Settings {
  const settings: Settings = {corpus: '', runs: 5, peers: true, peersDir: path.join(tmpdir(), 'retext-credibility-bench-peers'), jobs: availableParallelism()}
  for (let index = 0; index < argv.length; index++) {
    const value = argv[index]!
    if (value === '--runs') settings.runs = Math.max(1, Number.parseInt(argv[++index] ?? '', 10) || 1)
    else if (value === '--no-peers') settings.peers = false
    else if (value === '--peers-dir') settings.peersDir = path.resolve(argv[++index] ?? '')
    else if (value === '--jobs') settings.jobs = Math.max(1, Number.parseInt(argv[++index] ?? '', 10) || 1)
    else if (value === '--help' || value === '-h') usage(0)
    else if (value.startsWith('-')) usage(2, 'Unknown option `' + value + '`')
    else settings.corpus = path.resolve(value)
  }

  if (!settings.corpus) usage(2, 'Missing corpus folder')
  if (!existsSync(settings.corpus) || !statSync(settings.corpus).isDirectory()) usage(2, 'Not a folder: ' + settings.corpus)
  return settings
}

function usage(code: number, problem?: string): never {
  if (problem) process.stderr.write('bench: ' + problem + '\n')
  process.stderr.write(
    'Usage: npm run bench -- <corpus-folder> [--runs <n>] [--no-peers] [--peers-dir <folder>] [--jobs <n>]\n' +
      '  corpus-folder   Markdown files to lint, such as ../shared/corpora/bench/rustbook/\n' +
      '  --runs <n>      runs per measurement; medians are shown (default: 5)\n' +
      '  --no-peers      do not install and measure alex and write-good\n' +
      '  --peers-dir     scratch folder for the peers (default: <tmp>/retext-credibility-bench-peers)\n' +
      '  --jobs <n>      "all workers" means this many (default: the number of CPUs)\n'
  )
  process.exit(code)
}

/** Install alex and write-good into a scratch folder (never into this package), once. */
function preparePeers(settings: Settings): {alex: string | undefined; writeGood: string | undefined; note: string | undefined} {
  const alex = path.join(settings.peersDir, 'node_modules', 'alex', 'cli.js')
  const writeGood = path.join(settings.peersDir, 'node_modules', 'write-good', 'bin', 'write-good.js')
  if (!settings.peers) return {alex: undefined, writeGood: undefined, note: 'peers skipped (`--no-peers`)'}
  if (!existsSync(alex) || !existsSync(writeGood)) {
    process.stderr.write('bench: installing alex and write-good into ' + settings.peersDir + ' …\n')
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
    const result = spawnSync(npm, ['install', '--prefix', settings.peersDir, 'alex', 'write-good', '--no-audit', '--no-fund', '--loglevel=error'], {
      stdio: ['ignore', 'inherit', 'inherit'],
      shell: process.platform === 'win32'
    })
    if (result.status !== 0 || !existsSync(alex) || !existsSync(writeGood)) {
      return {alex: undefined, writeGood: undefined, note: 'peers not measured: `npm install --prefix ' + settings.peersDir + ' alex write-good` failed (offline?)'}
    }
  }

  return {alex, writeGood, note: undefined}
}

function versionOf(file: string | undefined, name: string): string {
  if (!file) return ''
  let folder = path.dirname(file)
  while (!existsSync(path.join(folder, 'package.json')) || path.basename(folder) !== name) {
    const parent = path.dirname(folder)
    if (parent === folder) return ''
    folder = parent
  }

  return (JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8')) as {version?: string}).version ?? ''
}

/** Concatenate corpus files (in order, repeating) until `bytes` is reached. */
function concatenate(files: readonly string[], bytes: number): string {
  const parts: string[] = []
  let size = 0
  for (let index = 0; size < bytes; index++) {
    const value = readFileSync(files[index % files.length]!, 'utf8')
    parts.push(value)
    size += Buffer.byteLength(value) + 2
  }

  return parts.join('\n\n')
}

/** Run one scenario once in its own process. */
function measure(scenario: Scenario, scratch: string): Promise<Sample> {
  const {args, env} = scenario.command()
  const peak = path.join(scratch, 'peak-' + process.pid + '-' + Math.random().toString(36).slice(2))
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint()
    const proc = spawn(process.execPath, ['--import', pathToFileURL(peakFile).href, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {...process.env, ...env, BENCH_PEAK_FILE: peak, NO_COLOR: '1', FORCE_COLOR: '0'}
    })
    let stdout = ''
    let stderr = ''
    proc.stdout.setEncoding('utf8').on('data', (d: string) => {
      if (stdout.length < 1e6) stdout += d
    })
    proc.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr = (stderr + d).slice(-2000)
    })
    proc.on('error', reject)
    proc.on('close', (code) => {
      const wall = Number(process.hrtime.bigint() - start) / 1e9
      let rss: number | undefined
      let cpu: number | undefined
      try {
        const usage = JSON.parse(readFileSync(peak, 'utf8')) as {maxRSS: number; cpu: number}
        rss = usage.maxRSS / 1024
        cpu = usage.cpu / 1e6
        rmSync(peak, {force: true})
      } catch {
        rss = undefined
      }

      if (!scenario.ok(code)) {
        reject(new Error(scenario.label + ' failed (exit code ' + code + '):\n' + stderr.trim()))
        return
      }

      let report: ChildReport | undefined
      if (stdout.startsWith('{')) {
        try {
          report = JSON.parse(stdout) as ChildReport
        } catch {
          report = undefined
        }
      }

      resolve({wall, rss, cpu, work: report ? report.work / 1000 : undefined, messages: report?.messages})
    })
  })
}

function median(values: ReadonlyArray<number | undefined>): number | undefined {
  const list = values.filter((d): d is number => d !== undefined && Number.isFinite(d)).sort((a, b) => a - b)
  if (list.length === 0) return undefined
  const middle = Math.floor(list.length / 2)
  return list.length % 2 === 1 ? list[middle] : (list[middle - 1]! + list[middle]!) / 2
}

function range(values: ReadonlyArray<number | undefined>, digits: number): string {
  const list = values.filter((d): d is number => d !== undefined && Number.isFinite(d))
  if (list.length < 2) return ''
  return ' (' + Math.min(...list).toFixed(digits) + '–' + Math.max(...list).toFixed(digits) + ')'
}

function ratio(value: number | undefined, base: number | undefined): number | undefined {
  return value === undefined || base === undefined || base === 0 ? undefined : value / base
}

function times(value: number | undefined): string {
  return value === undefined ? '–' : value.toFixed(2) + '×'
}

function table(head: string[], rows: string[][]): string {
  const widths = head.map((cell, index) => Math.max(cell.length, ...rows.map((row) => (row[index] ?? '').length)))
  const line = (cells: string[]) => '| ' + cells.map((cell, index) => cell.padEnd(widths[index]!)).join(' | ') + ' |'
  return [line(head), '| ' + widths.map((width) => '-'.repeat(width)).join(' | ') + ' |', ...rows.map((row) => line(row))].join('\n')
}

async function main(argv: string[]): Promise<void> {
  const settings = parseArgs(argv)
  const corpusFiles = collect([settings.corpus])
  if (corpusFiles.length === 0) usage(2, 'No Markdown files in ' + settings.corpus)
  const corpusBytes = corpusFiles.reduce((sum, file) => sum + statSync(file).size, 0)
  const scratch = mkdtempSync(path.join(tmpdir(), 'retext-credibility-bench-'))
  const notes: string[] = []
  const loadBefore = loadavg()

  // Generated documents: ~1 MB of corpus text, and the linearity pair (the same text once and ten times).
  const big = path.join(scratch, 'one-megabyte.md')
  writeFileSync(big, concatenate(corpusFiles, 1_000_000))
  const base = concatenate(corpusFiles, 100_000)
  const small = path.join(scratch, 'linearity-1x.md')
  const large = path.join(scratch, 'linearity-10x.md')
  const warm = path.join(scratch, 'warm-up.md')
  writeFileSync(small, base)
  writeFileSync(large, Array.from({length: 10}, () => base).join('\n\n'))
  writeFileSync(warm, concatenate(corpusFiles.slice().reverse(), 30_000))

  const childArgs = (scenario: ChildScenario, ...inputs: string[]) => ['--expose-gc', benchFile, '--child', scenario, ...inputs]
  const zero = (code: number | null) => code === 0
  const linted = (code: number | null) => code === 0 || code === 1
  const anyExit = (code: number | null) => code !== null

  const hasCli = existsSync(cliFile)
  if (!hasCli) notes.push('CLI rows skipped: `' + path.relative(process.cwd(), cliFile) + '` does not exist (build the CLI first).')
  const peers = preparePeers(settings)
  if (peers.note) notes.push(peers.note)

  const warmCache = path.join(scratch, 'cache-warm')
  let coldCount = 0
  const cli = (...extra: string[]) => [cliFile, settings.corpus, '--report', 'json', ...extra]

  const corpusScenarios: Scenario[] = [
    {id: 'floor', label: 'bare parse floor (remark-parse → mdast-util-to-nlcst + parse-english)', command: () => ({args: childArgs('floor', settings.corpus)}), ok: zero},
    {id: 'rules', label: 'credibility rules alone (`lint()`, readability and passive off)', command: () => ({args: childArgs('rules', settings.corpus)}), ok: zero},
    {id: 'preset', label: 'full preset (`lint()`)', command: () => ({args: childArgs('preset', settings.corpus)}), ok: zero}
  ]
  if (hasCli) {
    corpusScenarios.push(
      {id: 'cli-1', label: 'CLI `--jobs 1`', command: () => ({args: cli('--jobs', '1')}), ok: linted},
      {id: 'cli-all', label: 'CLI `--jobs ' + settings.jobs + '` (all workers)', command: () => ({args: cli('--jobs', String(settings.jobs))}), ok: linted},
      {
        id: 'cli-cold',
        label: 'CLI `--jobs ' + settings.jobs + ' --cache`, cold (empty cache)',
        command: () => ({args: cli('--jobs', String(settings.jobs), '--cache', '--cache-location', path.join(scratch, 'cache-cold-' + coldCount++))}),
        ok: linted
      },
      {id: 'cli-cached', label: 'CLI `--jobs ' + settings.jobs + ' --cache`, re-run (unchanged tree)', command: () => ({args: cli('--jobs', String(settings.jobs), '--cache', '--cache-location', warmCache)}), ok: linted}
    )
  }

  if (peers.alex) corpusScenarios.push({id: 'alex', label: 'alex ' + versionOf(peers.alex, 'alex') + ' (CLI)', command: () => ({args: [peers.alex!, settings.corpus]}), ok: linted})
  if (peers.writeGood) {
    corpusScenarios.push({id: 'write-good', label: 'write-good ' + versionOf(peers.writeGood, 'write-good') + ' (CLI, plain text)', command: () => ({args: [peers.writeGood!, ...corpusFiles]}), ok: anyExit})
  }

  const bigScenarios: Scenario[] = [
    {id: 'floor', label: 'bare parse floor', command: () => ({args: childArgs('floor', big)}), ok: zero},
    {id: 'rules', label: 'credibility rules alone', command: () => ({args: childArgs('rules', big)}), ok: zero},
    {id: 'preset', label: 'full preset', command: () => ({args: childArgs('preset', big)}), ok: zero}
  ]

  const linearScenarios: Scenario[] = []
  for (const scenario of ['floor', 'rules', 'preset'] as const) {
    linearScenarios.push(
      {id: scenario + '-1x', label: scenario, command: () => ({args: childArgs(scenario, '--warm', warm, small)}), ok: zero},
      {id: scenario + '-10x', label: scenario, command: () => ({args: childArgs(scenario, '--warm', warm, large)}), ok: zero}
    )
  }

  if (hasCli) {
    process.stderr.write('bench: filling the cache for the cached re-run …\n')
    await measure({id: 'fill', label: 'fill the cache', command: () => ({args: cli('--jobs', String(settings.jobs), '--cache', '--cache-location', warmCache)}), ok: linted}, scratch)
  }

  const groups = [
    {name: 'corpus', scenarios: corpusScenarios},
    {name: '1mb', scenarios: bigScenarios},
    {name: 'linear', scenarios: linearScenarios}
  ]
  const samples = new Map<string, Sample[]>()
  const failed = new Map<string, string>()
  for (let round = 1; round <= settings.runs; round++) {
    for (const group of groups) {
      for (const scenario of group.scenarios) {
        const key = group.name + ':' + scenario.id
        if (failed.has(key)) continue
        process.stderr.write('bench: round ' + round + '/' + settings.runs + ', ' + group.name + ': ' + scenario.id + ' …')
        try {
          const sample = await measure(scenario, scratch)
          samples.set(key, [...(samples.get(key) ?? []), sample])
          process.stderr.write(' ' + sample.wall.toFixed(2) + ' s\n')
        } catch (error) {
          failed.set(key, String(error instanceof Error ? error.message : error).split('\n').slice(0, 3).join(' '))
          process.stderr.write(' failed\n')
        }
      }
    }
  }

  for (const [key, reason] of failed) notes.push('`' + key + '` failed: ' + reason)
  const get = (key: string) => samples.get(key) ?? []
  const wall = (key: string) => median(get(key).map((d) => d.wall))
  const rss = (key: string) => median(get(key).map((d) => d.rss))
  const work = (key: string) => median(get(key).map((d) => d.work))
  const cpuTime = (key: string) => median(get(key).map((d) => d.cpu))

  // Targets of issue 6.
  const targetOf: Record<string, string> = {
    'corpus:rules': '≤ 1.15× floor',
    'corpus:preset': '≤ 1.5× floor; memory ≤ 1.2× floor',
    'corpus:cli-all': '≤ 0.8× floor; ≤ 0.3× alex',
    'corpus:cli-cached': '≤ 0.15× cold',
    '1mb:rules': '≤ 1.15× floor',
    '1mb:preset': '≤ 1.5× floor; memory ≤ 1.2× floor'
  }

  const out: string[] = []
  const cpu = cpus()[0]?.model ?? 'unknown CPU'
  out.push('# retext-credibility bench')
  out.push('')
  out.push(
    'Node ' + process.version + ', ' + process.platform + '/' + process.arch + ', ' + availableParallelism() + '× ' + cpu.trim() + ', ' + (totalmem() / 2 ** 30).toFixed(0) + ' GB; ' + new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC'
  )
  out.push('Load average before: ' + loadBefore.map((d) => d.toFixed(2)).join(' ') + '; after: ' + loadavg().map((d) => d.toFixed(2)).join(' ') + ' (other processes on the machine count here)')
  out.push('Corpus: ' + settings.corpus + ' — ' + corpusFiles.length + ' files, ' + (corpusBytes / 1e6).toFixed(2) + ' MB; ' + settings.runs + ' runs per measurement, interleaved; median (min–max)')
  out.push('Wall time, CPU time (all threads, V8 helpers included) and peak RSS of the whole process (start-up, reading, linting, exit).')
  out.push('')

  for (const [group, title, scenarios] of [
    ['corpus', 'Corpus', corpusScenarios],
    ['1mb', 'One generated document of ' + (statSync(big).size / 1e6).toFixed(2) + ' MB (corpus files concatenated)', bigScenarios]
  ] as const) {
    const floorWall = wall(group + ':floor')
    const floorRss = rss(group + ':floor')
    const rows = scenarios.map((scenario) => {
      const key = group + ':' + scenario.id
      const list = get(key)
      return [
        scenario.label,
        wall(key) === undefined ? '–' : wall(key)!.toFixed(2) + range(list.map((d) => d.wall), 2),
        times(ratio(wall(key), floorWall)),
        cpuTime(key) === undefined ? '–' : cpuTime(key)!.toFixed(2),
        rss(key) === undefined ? '–' : rss(key)!.toFixed(0) + range(list.map((d) => d.rss), 0),
        times(ratio(rss(key), floorRss)),
        targetOf[key] ?? ''
      ]
    })
    out.push('## ' + title)
    out.push('')
    out.push(table(['Measurement', 'Wall s', '× floor', 'CPU s', 'Peak RSS MB', '× floor', 'Target'], rows))
    out.push('')
  }

  out.push('## Linearity: the same text once (' + (statSync(small).size / 1e3).toFixed(0) + ' kB) and ten times over (' + (statSync(large).size / 1e6).toFixed(2) + ' MB), as one document')
  out.push('')
  out.push('In-process time of the linting only, after a warm-up document; ≤ ~10× is linear.')
  out.push('')
  const linearRows = (['floor', 'rules', 'preset'] as const).map((scenario) => {
    const one = work('linear:' + scenario + '-1x')
    const ten = work('linear:' + scenario + '-10x')
    return [scenario, one === undefined ? '–' : one.toFixed(3), ten === undefined ? '–' : ten.toFixed(3), times(ratio(ten, one))]
  })
  out.push(table(['Measurement', '1× s', '10× s', '10× / 1×'], linearRows))
  out.push('')

  // Every target, met or not.
  const checks: Array<[string, number | undefined, number]> = [
    ['credibility rules alone / floor, corpus', ratio(wall('corpus:rules'), wall('corpus:floor')), 1.15],
    ['credibility rules alone / floor, 1 MB document', ratio(wall('1mb:rules'), wall('1mb:floor')), 1.15],
    ['full preset / floor, corpus', ratio(wall('corpus:preset'), wall('corpus:floor')), 1.5],
    ['full preset / floor, 1 MB document', ratio(wall('1mb:preset'), wall('1mb:floor')), 1.5],
    ['CLI all workers / single-thread floor, corpus', ratio(wall('corpus:cli-all'), wall('corpus:floor')), 0.8],
    ['CLI all workers / alex, corpus', ratio(wall('corpus:cli-all'), wall('corpus:alex')), 0.3],
    ['CLI cached re-run / cold run, corpus', ratio(wall('corpus:cli-cached'), wall('corpus:cli-cold')), 0.15],
    ['full preset peak memory / floor, corpus', ratio(rss('corpus:preset'), rss('corpus:floor')), 1.2],
    ['full preset peak memory / floor, 1 MB document', ratio(rss('1mb:preset'), rss('1mb:floor')), 1.2],
    ['CLI all workers peak memory / floor, corpus', ratio(rss('corpus:cli-all'), rss('corpus:floor')), 1.2],
    ['preset 10× text / 1× text (linearity)', ratio(work('linear:preset-10x'), work('linear:preset-1x')), 11]
  ]
  out.push('## Targets (issue 6)')
  out.push('')
  out.push(
    table(
      ['Ratio', 'Measured', 'Target', 'Met'],
      checks.map(([name, value, limit]) => [name, times(value), '≤ ' + limit.toFixed(2) + '×', value === undefined ? 'not measured' : value <= limit ? 'yes' : 'no'])
    )
  )
  out.push('')
  const preset = median(get('corpus:preset').map((d) => d.messages))
  const rules = median(get('corpus:rules').map((d) => d.messages))
  out.push('Messages on the corpus: ' + (rules ?? '–') + ' from the rules alone, ' + (preset ?? '–') + ' from the full preset.')
  for (const note of notes) out.push('Note: ' + note)
  process.stdout.write(out.join('\n') + '\n')
  rmSync(scratch, {recursive: true, force: true})
}

const argv = process.argv.slice(2)
if (argv[0] === '--child') await child(argv.slice(1))
else await main(argv)
