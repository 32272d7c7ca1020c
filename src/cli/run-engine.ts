import {engine, type Options} from 'unified-engine'
import type {VFile} from 'vfile'

/**
 * Run unified-engine (globs, ignore files, config discovery, reading) and
 * resolve with the files it was given, unreported: the CLI post-processes
 * them (shards, baseline) before any reporter sees them.
 */
export async function runEngine(options: Omit<Options, 'reporter' | 'out' | 'output'>): Promise<VFile[]> {
  return new Promise((resolve, reject) => {
    engine({...options, out: false, output: false, reporter: silentReporter}, (error, _code, context) => {
      if (error) reject(error)
      else resolve((context?.files ?? []).filter((file) => file.data['unifiedEngineGiven'] && !file.data['unifiedEngineIgnored']))
    })
  })
}

function silentReporter(): string {
  return ''
}
