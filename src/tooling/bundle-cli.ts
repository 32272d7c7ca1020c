/**
 * Bundle the CLI (`dist/src/cli/bin.js`), its worker entry
 * (`dist/src/cli/worker.js`) and HTML support into `dist/cli/`, after `tsc`
 * has built them.
 *
 * Why: a run of the CLI loaded about 260 modules before it looked at a file
 * (unified-engine and its config loaders alone are some 150), and Node's ESM
 * loader resolves, reads and compiles each one separately. That was most of
 * a fully cached run (about 0.23 s of 0.27 s) and of every worker's start.
 * The bundles hold the same code; modules load lazily as before (code
 * splitting keeps `import()` boundaries: the library's processor,
 * readability, passive, HTML support), so the package's `bin` starts faster
 * and nothing else changes. The library (`dist/src/index.js`) and the
 * language server are not bundled: they are imported or long-lived.
 *
 * Kept outside the bundles: `tinypool`, which starts its own worker file
 * next to itself, and Node's built-ins.
 */
import {rmSync} from 'node:fs'
import {createRequire} from 'node:module'
import {dirname, join} from 'node:path'
import {build, type Plugin} from 'esbuild'

const root = join(import.meta.dirname, '..', '..', '..')
const outdir = join(root, 'dist', 'cli')

// Chunk names carry content hashes: start empty so chunks of earlier builds do not pile up.
rmSync(outdir, {recursive: true, force: true})

/**
 * A module that unified-engine imports at start-up but a run rarely or never
 * calls, replaced by a stand-in: mostly one that loads the real module (a
 * chunk of its own) on first call. `importer` limits the stand-in to the
 * engine's own imports, so anything else that imports the module gets it
 * whole. Every stand-in keeps the behaviour the engine relies on; what they
 * save is start-up (a fully cached run is little else), measured in
 * `docs/performance.md` ("Seventh round").
 */
interface StandIn {
  readonly name: string
  readonly importer: RegExp
  /** The stand-in's source: it may call `load()`, which resolves to the real module. */
  readonly contents: string
}

const engineFile = (pattern: string) => new RegExp('[\\\\/]unified-engine[\\\\/]lib[\\\\/](?:' + pattern + ')\\.js$')

/**
 * glob's own `hasMagic` (it needs only minimatch), apart from its walker (path-scurry, lru-cache, minipass): the
 * ES module next to the CommonJS entry that `require.resolve` finds, for the glob the engine itself resolves.
 */
const requireFromEngine = createRequire(createRequire(import.meta.url).resolve('unified-engine'))
const globHasMagic = join(dirname(requireFromEngine.resolve('glob')), '..', 'esm', 'has-magic.js')

const standIns: readonly StandIn[] = [
  {
    // To resolve plugins and reporters named by string (with npm's config loader, `@npmcli/config`, semver and glob:
    // half of the bundle). We never name them: the config transform turns config into our own plugin, and the
    // reporter is a function.
    name: 'load-plugin',
    importer: engineFile('configuration|file-set-pipeline[\\\\/]log'),
    contents: [
      'export async function resolvePlugin(...parameters) { return (await load()).resolvePlugin(...parameters) }',
      'export async function loadPlugin(...parameters) { return (await load()).loadPlugin(...parameters) }'
    ].join('\n')
  },
  {
    // To read `.retext-credibilityrc.yml` / `.yaml`; the engine awaits what its loader returns.
    name: 'yaml',
    importer: engineFile('configuration'),
    contents: 'export default {parse: async (text) => (await load()).default.parse(text)}'
  },
  {
    // The engine's default reporter, which it awaits; the CLI always passes its own.
    name: 'vfile-reporter',
    importer: engineFile('file-set-pipeline[\\\\/]log'),
    contents: 'export async function reporter(...parameters) { return (await load()).reporter(...parameters) }'
  },
  {
    // Patterns with magic are expanded by glob's walker, which the engine awaits; whether a pattern has magic is
    // asked of every path given, synchronously, and needs only minimatch.
    name: 'glob',
    importer: engineFile('finder'),
    contents: [
      'export {hasMagic} from ' + JSON.stringify(globHasMagic),
      'export async function glob(...parameters) { return (await load()).glob(...parameters) }'
    ].join('\n')
  },
  {
    // To read stdin (with readable-stream, a third of what a run would load otherwise). The engine pipes stdin into
    // the stream it returns: a pass-through that holds the bytes until the real one has loaded.
    name: 'concat-stream',
    importer: engineFile('file-set-pipeline[\\\\/]stdin'),
    contents: [
      "import {PassThrough} from 'node:stream'",
      'export default function concatStream(options, done) {',
      '  const through = new PassThrough()',
      '  load().then(',
      '    ({default: real}) => through.pipe(real(options, done)),',
      "    (error) => through.destroy(error)",
      '  )',
      '  return through',
      '}'
    ].join('\n')
  },
  {
    // The engine logs every step of every file through `debug`; disabled, each call still checks its namespace.
    // Without `DEBUG` in the environment (which is all `debug` itself reads) it is a no-op; with it, the real one.
    name: 'debug',
    importer: engineFile('.+'),
    contents: [
      'const real = process.env.DEBUG ? (await load()).default : undefined',
      'const off = Object.assign(function () {}, {enabled: false, extend: () => off})',
      'export default function createDebug(namespace) { return real ? real(namespace) : off }'
    ].join('\n')
  },
  {
    // Checks of the engine's own invariants, `assert(value, message)`: node:assert (and its error formatting) loads
    // only when one fails.
    name: 'node:assert/strict',
    importer: engineFile('.+'),
    contents: [
      "import {createRequire} from 'node:module'",
      'export default function assert(value, message) {',
      "  if (!value) createRequire(import.meta.url)('node:assert/strict')(value, message)",
      '}'
    ].join('\n')
  }
]

const standInsPlugin: Plugin = {
  name: 'stand-ins',
  setup(builder) {
    for (const standIn of standIns) {
      const filter = new RegExp('^' + standIn.name.replace(/[/.]/g, '\\$&') + '$')
      builder.onResolve({filter}, (args) =>
        args.namespace !== 'stand-in' && standIn.importer.test(args.importer) ? {path: standIn.name, namespace: 'stand-in', pluginData: args.resolveDir} : undefined
      )
      builder.onLoad({filter, namespace: 'stand-in'}, (args) => ({
        resolveDir: args.pluginData as string,
        contents: `const load = () => import(${JSON.stringify(standIn.name)})\n${standIn.contents}\n`
      }))
    }
  }
}

await build({
  absWorkingDir: root,
  // HTML support is its own entry: `src/parse/load-html.node.ts` loads it on first use with `require('./html.js')`,
  // relative to itself, which in the bundle is any chunk in `dist/cli/`; what it shares with the rest comes from the
  // same chunks, so there is one copy of every module.
  entryPoints: {bin: 'dist/src/cli/bin.js', worker: 'dist/src/cli/worker.js', html: 'dist/src/parse/html.js'},
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Only `src/parse/load-html.node.ts` calls `require` (for CommonJS-only HTML packages), through its own `createRequire`;
  // a few bundled CommonJS dependencies call `require` for Node built-ins, which an ES module does not have.
  banner: {js: "import {createRequire as __bundleCreateRequire} from 'node:module'; const require = __bundleCreateRequire(import.meta.url);"},
  external: ['tinypool'],
  plugins: [standInsPlugin],
  // Less source for V8 to read on every start (about 7 ms of a 0.17 s cached run); names are kept, so stack traces
  // of a crash still name the functions (the readable source is in `dist/src/`).
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning'
})
