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
import {build} from 'esbuild'

const root = join(import.meta.dirname, '..', '..', '..')
const outdir = join(root, 'dist', 'cli')

// Chunk names carry content hashes: start empty so chunks of earlier builds do not pile up.
rmSync(outdir, {recursive: true, force: true})

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
  logLevel: 'warning'
})
