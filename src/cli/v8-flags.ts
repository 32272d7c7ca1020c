import process from 'node:process'

/*
 * V8 settings for a run of the CLI: a short-lived process that lints a tree
 * once and exits. These flags are process-wide, so only the CLI sets them,
 * never the library (which runs inside someone else's process) or the
 * language server (long-lived: default tiering pays off there). A flag given
 * on node's own command line wins.
 *
 * By default V8 sends a function to its optimizing compiler (TurboFan) after
 * about 66 kB of its bytecode has run. parse-latin, the Markdown parser and
 * the rules are many small functions, so a run over the Rust book optimized
 * some 360 of them (`--trace-opt` counts about 2.4 s of compiling, tracing
 * included), many for a handful of documents' gain. A budget of 600 kB
 * optimizes only what stays hot: 140 functions, and about a fifth less CPU
 * on a whole run; the same settings are faster on a 12 MB tree too
 * (`docs/performance.md`, "Fifth round"). Measured again with the Lezer
 * parser (sixth round): `--jobs 2` on the Rust book takes about 0.99 s with
 * it and 1.24 s without.
 */
const interruptBudget = 600_000

/**
 * Call before this process lints its first document, in this thread or by
 * starting workers. Not at start-up: loading `node:v8` is a cost a fully
 * cached run (which lints nothing) would pay for nothing. The rules load
 * with the first document anyway, so they are tiered as before.
 */
export async function tuneForShortRun(): Promise<void> {
  await setUnlessGiven('--interrupt-budget', '--interrupt-budget=' + interruptBudget)
}

/**
 * Call before starting worker threads. Workers lint on every core, so a
 * compiler thread of their own only takes a core from another worker: they
 * compile on their own thread instead (the flag is read when an isolate
 * starts, so the main thread, which only schedules and reports, keeps it).
 */
export async function tuneForWorkers(): Promise<void> {
  await setUnlessGiven('--concurrent-recompilation', '--no-concurrent-recompilation')
}

async function setUnlessGiven(name: string, flag: string): Promise<void> {
  const negated = '--no-' + name.slice(2)
  const given = process.execArgv.some((argument) => {
    const normal = argument.replace(/_/g, '-')
    return normal === name || normal === negated || normal.startsWith(name + '=')
  })
  if (!given) (await import('node:v8')).setFlagsFromString(flag)
}
