import { mkdir, writeFile } from 'node:fs/promises'
import { homedir } from 'node:os'
import { join } from 'node:path'
import type { SecretStore } from '../secrets'
import { runtimeVersions, storedSecretValues } from './archive'
import { createDiagnosticsHandlers, type DiagnosticsHandlers } from './handlers'
import { openLogFile, type LogFile } from './log-file'
import { createLogger, type Logger } from './logger'
import { createRendererLog } from './renderer-log'

export interface HostDiagnosticsOptions {
  /** The current log file; rotated ones sit beside it. */
  readonly logFile: string
  readonly mode: 'desktop' | 'web'
  readonly appVersion: string
  /** Also print warnings to stderr (browser mode's terminal). */
  readonly console?: boolean
  readonly save: (archive: Buffer, name: string) => Promise<{ saved: boolean; path?: string }>
}

/** Where the gateway's secrets are, bound once it exists (it is built after the logger). */
export interface SecretSources {
  /** Keys and tokens of connected workspaces. */
  readonly live: () => Iterable<string>
  /** The stores, read in full at export time. */
  readonly stores: readonly SecretStore[]
}

export interface HostDiagnostics {
  readonly file: LogFile
  logger(scope: string): Logger
  bindSecrets(sources: SecretSources): void
  readonly handlers: DiagnosticsHandlers
}

/**
 * The log and the diagnostics export for one host (the desktop app, browser mode): one rotating
 * file, loggers that scrub the connected workspaces' secrets, renderer lines through the rate
 * limit, and the two IPC handlers. Only where the archive goes differs between hosts.
 */
export function createHostDiagnostics(options: HostDiagnosticsOptions): HostDiagnostics {
  const file = openLogFile({
    file: options.logFile,
    ...(options.console !== undefined ? { console: options.console } : {}),
  })
  let sources: SecretSources = { live: () => [], stores: [] }
  const logger = (scope: string): Logger =>
    createLogger({ sink: file, scope, secrets: () => sources.live() })
  const handlers = createDiagnosticsHandlers({
    logger: logger('diagnostics'),
    rendererLog: createRendererLog(logger('renderer')),
    versions: () => runtimeVersions(options.appVersion, options.mode),
    logFiles: () => file.files(),
    secrets: async () => [...sources.live(), ...(await storedSecretValues(sources.stores))],
    save: options.save,
  })
  return {
    file,
    logger,
    bindSecrets: (next) => {
      sources = next
    },
    handlers,
  }
}

/** Browser mode's data folder: `$XDG_DATA_HOME/ondeck-web`, `~/Library/...`, `%APPDATA%\...`. */
export function defaultWebDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  if (platform === 'win32')
    return join(env['APPDATA'] ?? join(homedir(), 'AppData', 'Roaming'), 'ondeck-web')
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'ondeck-web')
  return join(env['XDG_DATA_HOME'] ?? join(homedir(), '.local', 'share'), 'ondeck-web')
}

/**
 * Browser mode's `save`: a browser tab gets no file dialog from main, so the archive goes to
 * `<dataDir>/diagnostics/` (0600) and the view shows that path.
 */
export function saveToFolder(
  folder: string,
): (archive: Buffer, name: string) => Promise<{ saved: boolean; path: string }> {
  return async (archive, name) => {
    await mkdir(folder, { recursive: true, mode: 0o700 })
    const path = join(folder, name)
    await writeFile(path, archive, { mode: 0o600 })
    return { saved: true, path }
  }
}
