import {watch, type FSWatcher} from 'node:fs'
import {dirname} from 'node:path'
import {configNames} from '../engine-options.js'

/** Watches the folders that config discovery reads for the open documents. */
export interface ConfigWatcher {
  /** Watch the folders of these documents and their ancestors, and stop watching the rest. */
  readonly update: (paths: Iterable<string>) => void
  readonly close: () => void
}

/**
 * A fallback for clients that cannot watch files for the server (Neovim
 * before 0.9 has no dynamic `workspace/didChangeWatchedFiles`): watch, not
 * recursively, each folder from an open document up to the root, and call
 * `onChange` when a config, ignore or `package.json` file in one of them
 * changes. Config discovery looks exactly there, so nothing else matters.
 */
export function watchConfigFiles(onChange: () => void, delay = 100): ConfigWatcher {
  const watchers = new Map<string, FSWatcher | undefined>()
  let timer: NodeJS.Timeout | undefined

  function changed(name: string | null): void {
    if (name !== null && !isConfigName(name)) return
    clearTimeout(timer)
    timer = setTimeout(onChange, delay)
  }

  return {
    update(paths) {
      const wanted = new Set<string>()
      for (const path of paths) {
        for (let folder = dirname(path); !wanted.has(folder); folder = dirname(folder)) {
          wanted.add(folder)
          if (dirname(folder) === folder) break
        }
      }

      for (const [folder, watcher] of watchers) {
        if (!wanted.has(folder)) {
          watcher?.close()
          watchers.delete(folder)
        }
      }

      for (const folder of wanted) {
        if (watchers.has(folder)) continue
        let watcher: FSWatcher | undefined
        try {
          watcher = watch(folder, {persistent: false}, (_event, name) => changed(typeof name === 'string' ? name : null))
          watcher.on('error', () => {
            watcher?.close()
          })
        } catch {
          // A folder we may not read or that is gone: config there is out of reach anyway.
        }

        watchers.set(folder, watcher)
      }
    },
    close() {
      clearTimeout(timer)
      for (const watcher of watchers.values()) watcher?.close()
      watchers.clear()
    }
  }
}

/** Whether a file name is one that config discovery or ignoring reads. */
export function isConfigName(name: string): boolean {
  return name.startsWith(configNames.rcName) || name === 'package.json' || name === configNames.ignoreName
}
