/** Names `--report` takes: the human report, vfile-reporter-json's shape, SARIF 2.1.0 and GitHub annotations. */
export const reporterNames = ['human', 'json', 'sarif', 'github'] as const

/** One of `reporterNames`. */
export type ReporterName = (typeof reporterNames)[number]
