import type { ConnectionHealth } from '../../../shared/ipc/schemas'
import type { DiagnosticsReport } from '../../../shared/ipc/diagnostics'
import type { SettingsDb } from '../settings/settings-db'
import type { CacheDb } from '../db/cache-db'
import type { OutboxDb } from '../outbox/outbox-db'
import type { OutboxCommand } from '../outbox/record'

/** The most recent commands in the archive; counts cover all of them. */
export const REPORT_COMMANDS = 500

export interface ReportSources {
  readonly settings: SettingsDb
  readonly outbox: OutboxDb
  readonly cache: CacheDb
  readonly health?: ConnectionHealth
  readonly userAgent: string
}

const cap = (text: string, max: number): string => (text.length > max ? text.slice(0, max) : text)

/**
 * One command as the archive shows it: what, where in its lifecycle and why. Inputs are left out
 * (they are not secrets, but alert texts and responders are not the support desk's business),
 * except a note's text: the responder's own words, which a report about a lost note needs.
 */
function summarize(command: OutboxCommand): DiagnosticsReport['outbox']['commands'][number] {
  const note = 'note' in command.input ? command.input.note : undefined
  const wait = command.wait
  return {
    id: cap(command.id, 100),
    workspaceId: command.workspaceId,
    kind: cap(command.kind, 60),
    state: command.state,
    lane: cap(command.lane, 300),
    attempts: command.attempts,
    createdAt: command.createdAt,
    updatedAt: command.updatedAt,
    ...(wait !== undefined
      ? {
          wait: cap(
            `${wait.reason}${wait.message !== undefined ? `: ${wait.message}` : ''}`,
            1_000,
          ),
        }
      : {}),
    ...(command.failure !== undefined
      ? { failure: cap(`${command.failure.kind}: ${command.failure.message}`, 2_000) }
      : {}),
    ...(typeof note === 'string' ? { note: cap(note, 25_000) } : {}),
  }
}

/**
 * What only the renderer knows, for `diagnostics:export`: main adds logs and versions and scrubs
 * the whole archive of secrets (none should be here: keys never reach the renderer).
 */
export async function collectReport(sources: ReportSources): Promise<DiagnosticsReport> {
  const [workspaces, preferences, commands, pauses, cursors, undecoded] = await Promise.all([
    sources.settings.workspaces.toArray(),
    sources.settings.preferences.toArray(),
    sources.outbox.commands.toArray(),
    sources.outbox.pauses.toArray(),
    sources.cache.cursors.toArray(),
    sources.cache.diagnostics.count(),
  ])
  const counts: Record<string, number> = {}
  for (const command of commands) counts[command.state] = (counts[command.state] ?? 0) + 1
  const recent = [...commands].sort((a, b) => b.updatedAt - a.updatedAt).slice(0, REPORT_COMMANDS)
  return {
    settings: {
      workspaces: workspaces.slice(0, 100).map((entry) => ({
        ...entry.config,
        ...(entry.username !== undefined ? { username: entry.username } : {}),
        addedAt: entry.addedAt,
      })),
      preferences: preferences.slice(0, 200).map((row) => ({ key: row.key, value: row.value })),
    },
    outbox: {
      counts,
      commands: recent.map(summarize),
      pauses: pauses.slice(0, 100).map((p) => ({
        workspaceId: p.workspaceId,
        reason: cap(p.reason, 2_000),
        since: p.since,
      })),
    },
    intake: {
      ...(sources.health !== undefined ? { health: sources.health } : {}),
      cursors: cursors.slice(0, 100).map((row) => ({
        source: row.source,
        cursor: cap(row.cursor, 2_000),
        updatedAt: row.updatedAt,
      })),
      undecodedEvents: undecoded,
    },
    userAgent: cap(sources.userAgent, 500),
  }
}
