import { readFileSync } from 'node:fs'
import { arch, platform, release, type } from 'node:os'
import { basename } from 'node:path'
import type { DiagnosticsReport } from '../../../shared/ipc/diagnostics'
import type { SecretStore } from '../secrets'
import { scrubText } from './mask'
import { tarGz, type TarEntry } from './tar'

export interface ArchiveSources {
  readonly report: DiagnosticsReport
  readonly versions: Readonly<Record<string, string>>
  /** Log files, current first (`LogFile.files()`). */
  readonly logFiles: readonly string[]
  /** Every secret value main holds or has held in this run: all of them are scrubbed. */
  readonly secrets: Iterable<string>
  readonly now?: Date
}

const ROOT = 'ondeck-diagnostics'

const README = `Ondeck diagnostics

versions.json  app, runtime and operating system versions
settings.json  workspaces (names, hosts, relay URLs; never keys or tokens) and preferences
outbox.json    commands by state, recent commands (kind, state, failure, note text), pauses
intake.json    connection health, resume cursors, count of events that could not be applied
logs/          main's log files, newest first

Every file was scrubbed of the API keys and relay tokens Ondeck holds, and of anything shaped
like a credential (GenieKey, Bearer, Basic, odr_ tokens, 64-hex secrets), before it was written.
`

/** App, runtime and OS versions; `process.versions.electron` is there only in the desktop app. */
export function runtimeVersions(app: string, mode: 'desktop' | 'web'): Record<string, string> {
  const v = process.versions as NodeJS.ProcessVersions & { electron?: string; chrome?: string }
  return {
    app,
    mode,
    node: v.node,
    ...(v.electron !== undefined ? { electron: v.electron } : {}),
    ...(v.chrome !== undefined ? { chrome: v.chrome } : {}),
    os: `${type()} ${release()}`,
    platform: platform(),
    arch: arch(),
  }
}

/** Every value in the stores, to scrub by value: an API key is a UUID, no shape betrays it. */
export async function storedSecretValues(stores: readonly SecretStore[]): Promise<string[]> {
  const values: string[] = []
  for (const store of stores) {
    for (const ref of await store.list().catch(() => [])) {
      const secret = await store.get(ref).catch(() => null)
      if (secret !== null) values.push(secret.reveal())
    }
  }
  return values
}

function readLog(path: string): string {
  try {
    return readFileSync(path, 'utf8')
  } catch (error) {
    return `(could not read ${basename(path)}: ${error instanceof Error ? error.message : String(error)})`
  }
}

/**
 * The archive a responder attaches to a support request. Every entry, the logs included (they
 * may predate a key's arrival in the store), is scrubbed here, the last step before bytes leave.
 */
export function buildDiagnosticsArchive(sources: ArchiveSources): Buffer {
  const secrets = [...sources.secrets]
  const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`
  const { report } = sources
  const files: [string, string][] = [
    ['README.txt', README],
    ['versions.json', json({ ...sources.versions, userAgent: report.userAgent })],
    ['settings.json', json(report.settings)],
    ['outbox.json', json(report.outbox)],
    ['intake.json', json(report.intake)],
    ...sources.logFiles.map((path): [string, string] => [`logs/${basename(path)}`, readLog(path)]),
  ]
  const mtime = Math.floor((sources.now ?? new Date()).getTime() / 1000)
  const entries: TarEntry[] = files.map(([name, text]) => ({
    name: `${ROOT}/${name}`,
    content: scrubText(text, secrets),
    mtime,
  }))
  return tarGz(entries)
}

/** `ondeck-diagnostics-2026-12-06T11-44-28Z.tar.gz`: sortable, no characters a file system refuses. */
export function archiveName(now: Date = new Date()): string {
  const stamp = now
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/:/g, '-')
  return `ondeck-diagnostics-${stamp}.tar.gz`
}
