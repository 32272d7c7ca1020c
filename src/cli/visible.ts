import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'

/** What the user asked to see: `--quiet` hides files without messages, `--silent` hides everything but errors. */
export interface Visibility {
  readonly quiet: boolean
  readonly silent: boolean
}

/** One file and the messages a report shows for it. */
export interface VisibleFile {
  readonly file: VFile
  readonly messages: readonly VFileMessage[]
}

/** Apply `--quiet` and `--silent`, for the reporters that do not do it themselves. */
export function visibleFiles(files: readonly VFile[], visibility: Visibility): VisibleFile[] {
  const result: VisibleFile[] = []
  for (const file of files) {
    const messages = file.messages.filter((message) => !visibility.silent || message.fatal === true)
    if ((visibility.quiet || visibility.silent) && messages.length === 0) continue
    result.push({file, messages})
  }

  return result
}

/** Order messages by where they start (file-wide messages first), so every report lists them alike. */
export function byPosition(a: VFileMessage, b: VFileMessage): number {
  return (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || String(a.ruleId).localeCompare(String(b.ruleId))
}
