import {fileExtensions} from '../engine-options.js'
import {defaultCacheLocation, defaultMaxFileSize} from './args.js'
import {toolName} from './tool-info.js'

/** A section of the flags table: a title and rows of short flag, long flag, description. */
type Section = readonly [title: string, rows: ReadonlyArray<readonly [short: string, long: string, description: string]>]

const sections: readonly Section[] = [
  [
    'Input',
    [
      ['', '--format <md|html|txt>', 'Lint every file as this format (default: by extension)'],
      ['', '--stdin-format <md|html|txt>', 'Format of stdin (default: by --stdin-filename, else md)'],
      ['', '--stdin-filename <path>', 'Path stdin stands for: finds its config, names it in reports'],
      ['', '--ignore-pattern <glob>', 'Skip files matching glob, like .retext-credibilityignore (repeatable)'],
      ['', '--max-file-size <MB>', 'Fail larger files without linting them, 0 for no limit (default: ' + defaultMaxFileSize + ')']
    ]
  ],
  [
    'Config',
    [
      ['', '--rc-path <file>', 'Use this config file for every file instead of discovering one'],
      ['', '--no-config', 'Ignore config files, use the defaults']
    ]
  ],
  [
    'Output',
    [
      ['-r', '--report <name[=file]>', 'human (default), json, sarif or github; =file writes to a file (repeatable)'],
      ['-q', '--quiet', 'Hide files without messages'],
      ['-S', '--silent', 'Show only errors'],
      ['', '--verbose', 'Human report: show notes and links to rule docs'],
      ['', '--color, --no-color', 'Force colors on or off (default: on when stdout is a terminal)']
    ]
  ],
  [
    'Exit code',
    [
      ['-f', '--frail', 'Exit 1 on warnings too'],
      ['', '--max-warnings <n>', 'Exit 1 when there are more than n warnings']
    ]
  ],
  [
    'Baseline',
    [
      ['', '--baseline-write <file>', "Record today's findings in file"],
      ['', '--baseline <file>', 'Report only findings not recorded in file']
    ]
  ],
  [
    'Performance',
    [
      ['-j', '--jobs <n>', 'Worker threads (default: number of CPUs)'],
      ['', '--cache', 'Skip unchanged files, by content hash'],
      ['', '--cache-location <path>', 'Cache folder (default: ' + defaultCacheLocation + ')'],
      ['', '--shard <i/n>', 'Lint only part i of n of the files, to split a run over CI jobs']
    ]
  ],
  [
    'Other',
    [
      ['-h', '--help', 'Show this help'],
      ['-v', '--version', 'Show the version']
    ]
  ]
]

/** The `--help` text, built from one table; a golden file in the tests keeps it and the README honest. */
export function helpText(): string {
  const width = Math.max(...sections.flatMap(([, rows]) => rows.map(([, long]) => long.length)))
  const table = sections
    .map(([title, rows]) => title + ':\n' + rows.map(([short, long, description]) => '  ' + (short ? short + ', ' : '    ') + long.padEnd(width + 2) + description).join('\n'))
    .join('\n\n')

  return `Usage: ${toolName} [options] [path | glob ...]

Lint Markdown, HTML and plain text for vague sourcing, promotional language
and affiliate disclosures.

Paths are files, folders or quoted globs; folders are searched for
${wrap(fileExtensions.map((d) => '.' + d).join(' '), 72)}.
Without paths, stdin is read when something is piped in, else the current
folder is linted.

${table}

Exit codes:
  0  no errors (warnings allowed unless --frail or --max-warnings)
  1  errors, files that cannot be linted, or too many warnings
  2  bad usage, invalid config or baseline

Config: .retext-credibilityrc, .retext-credibilityrc.json, .retext-credibilityrc.yml
or the "retext-credibility" field of package.json; the one closest to a file applies.
Inline: <!-- retext-credibility ignore|disable|enable [rule ...] -->

Examples:
  ${toolName} docs/
  ${toolName} "content/**/*.md" --frail
  ${toolName} docs --report github --report sarif=results.sarif
  cat post.html | ${toolName} --stdin-format html
`
}

function wrap(text: string, width: number): string {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line)
      line = word
    } else {
      line = line ? line + ' ' + word : word
    }
  }

  if (line) lines.push(line)
  return lines.join('\n')
}
