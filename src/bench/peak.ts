import {writeFileSync} from 'node:fs'

/**
 * Preloaded (`node --import`) into every process the bench measures, ours
 * and the peers': on exit, write the process's peak resident set size (kB)
 * and CPU time (µs, user + system), worker threads and V8's helper threads
 * included, as JSON to the file `BENCH_PEAK_FILE` names.
 */
const target = process.env['BENCH_PEAK_FILE']
if (target) {
  process.on('exit', () => {
    try {
      const usage = process.resourceUsage()
      writeFileSync(target, JSON.stringify({maxRSS: usage.maxRSS, cpu: usage.userCPUTime + usage.systemCPUTime}))
    } catch {
      // The bench reports a missing figure.
    }
  })
}
