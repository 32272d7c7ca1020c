/** The section clients keep our settings under (`retext-credibility.requireConfig` in VS Code). */
export const settingsSection = 'retext-credibility'

/**
 * Editor settings; rules and options live in config files, shared with the
 * CLI, so these only say which files to lint.
 */
export interface ClientSettings {
  /** Lint only files that have a config file (default: `false`). */
  readonly requireConfig: boolean
  /** Extra ignore file, relative to the workspace folder (default: none). */
  readonly ignorePath: string | undefined
}

/** Settings when the client gives none. */
export const defaultSettings: ClientSettings = Object.freeze({requireConfig: false, ignorePath: undefined})

/**
 * Read settings from whatever a client sends: Neovim answers
 * `workspace/configuration` with `null` for a section it has no settings
 * for, others send `{}` or leave keys out, so anything unexpected means the
 * default rather than a crash.
 */
export function parseClientSettings(raw: unknown): ClientSettings {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return defaultSettings
  const record = raw as Record<string, unknown>
  const requireConfig = record['requireConfig']
  const ignorePath = record['ignorePath']
  return {
    requireConfig: requireConfig === true,
    ignorePath: typeof ignorePath === 'string' && ignorePath.trim() !== '' ? ignorePath : undefined
  }
}

/** Settings pushed with `workspace/didChangeConfiguration` by clients that cannot be asked: ours are under our section. */
export function parsePushedSettings(raw: unknown): ClientSettings {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return defaultSettings
  return parseClientSettings((raw as Record<string, unknown>)[settingsSection])
}
