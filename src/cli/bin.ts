#!/usr/bin/env node
import process from 'node:process'
import {tuneForShortRun} from './v8-flags.js'

// Before the modules that do the work are loaded (hence the dynamic import below).
tuneForShortRun()
const {main} = await import('./main.js')

// A reader that goes away (`| head`) is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error
})

process.exitCode = await main({argv: process.argv.slice(2), cwd: process.cwd(), env: process.env, stdin: process.stdin, stdout: process.stdout, stderr: process.stderr})
