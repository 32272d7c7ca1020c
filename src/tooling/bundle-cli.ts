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
import {join} from 'node:path'
import {build, type Plugin} from 'esbuild'

const root = join(import.meta.dirname, '..', '..', '..')
const outdir = join(root, 'dist', 'cli')

// Chunk names carry content hashes: start empty so chunks of earlier builds do not pile up.
rmSync(outdir, {recursive: true, force: true})

/**
 * A module that unified-engine imports at start-up but a run rarely or never
 * calls, replaced by a stand-in that loads the real module (a chunk of its
 * own) on first call. `importer` limits the stand-in to the engine's own
 * import, so anything else that imports the module gets it whole.
 */
interface LazyModule {
  readonly name: string
  readonly importer: RegExp
  /** The stand-in's source: it calls `load()`, which resolves to the real module. */
  readonly contents: string
}

const lazyModules: readonly LazyModule[] = [
  {
    // To resolve plugins and reporters named by string (with npm's config loader, `@npmcli/config`, semver and glob:
    // half of the bundle). We never name them: the config transform turns config into our own plugin, and the
    // reporter is a function.
    name: 'load-plugin',
    importer: /[\\/]unified-engine[\\/]lib[\\/](?:configuration|file-set-pipeline[\\/]log)\.js$/,
    contents: [
      'export async function resolvePlugin(...parameters) { return (await load()).resolvePlugin(...parameters) }',
      'export async function loadPlugin(...parameters) { return (await load()).loadPlugin(...parameters) }'
    ].join('\n')
  },
  {
    // To read `.retext-credibilityrc.yml` / `.yaml`; the engine awaits what its loader returns.
    name: 'yaml',
    importer: /[\\/]unified-engine[\\/]lib[\\/]configuration\.js$/,
    contents: 'export default {parse: async (text) => (await load()).default.parse(text)}'
  }
]

const lazyModulesPlugin: Plugin = {
  name: 'lazy-modules',
  setup(builder) {
    for (const lazy of lazyModules) {
      const filter = new RegExp('^' + lazy.name + '$')
      builder.onResolve({filter}, (args) =>
        args.namespace !== 'lazy-module' && lazy.importer.test(args.importer) ? {path: lazy.name, namespace: 'lazy-module', pluginData: args.resolveDir} : undefined
      )
      builder.onLoad({filter, namespace: 'lazy-module'}, (args) => ({
        resolveDir: args.pluginData as string,
        contents: `const load = () => import(${JSON.stringify(lazy.name)})\n${lazy.contents}\n`
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
  plugins: [lazyModulesPlugin],
  // Less source for V8 to read on every start (about 7 ms of a 0.17 s cached run); names are kept, so stack traces
  // of a crash still name the functions (the readable source is in `dist/src/`).
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning'
})
