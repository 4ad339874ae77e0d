import type { Transaction } from 'dexie'

/**
 * Every schema version, oldest first, each with a one-line reason and, when data must move, a
 * named upgrade function (tested on its own by opening the database "as of" the version before).
 * Adding a version: append here, never edit a shipped entry; see `README.md`.
 */
export interface Migration {
  readonly version: number
  readonly reason: string
  readonly stores: Readonly<Record<string, string | null>>
  readonly upgrade?: (tx: Transaction) => Promise<void>
}

export const CACHE_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    reason:
      'the local cache: entities, activity, cursors, settings, diagnostics, deletion tombstones',
    stores: {
      // Every index is paid on every alert write (ingest's hot path): only what a read uses.
      // `status` stays although the compound index starts with it: Dexie's virtual prefix index
      // fails under fake-indexeddb, which the view tests run on.
      alerts: 'id, alias, status, *tags, [status+priorityRank+createdMs]',
      incidents: 'id, tinyId, status, [status+priorityRank+createdMs], *impactedServices',
      services: 'id, name, teamId',
      teams: 'id, name',
      users: 'id, username',
      schedules: 'id, name',
      onCalls: 'scheduleId',
      escalations: 'id, name',
      activity: 'id, [subjectKind+subjectId+at]',
      cursors: 'source',
      settings: 'key',
      diagnostics: '++id, receivedAt',
      seenEvents: 'key, at',
    },
  },
  {
    version: 2,
    reason: 'Delete webhooks wait in pendingDeletes until the API confirms the alert is gone',
    stores: { pendingDeletes: 'alertId' },
    upgrade: recheckTombstones,
  },
]

/**
 * Version 1 deleted an alert on a Delete webhook's word alone, so a forged one could hide a real
 * alert for the tombstone's 72 h. Each tombstone becomes a pending deletion the confirmer asks the
 * API about; the tombstone stays until then, so late events still cannot revive the alert.
 */
export async function recheckTombstones(tx: Transaction): Promise<void> {
  const prefix = 'deleted|'
  const tombstones = (await tx.table('seenEvents').where('key').startsWith(prefix).toArray()) as {
    key: string
    at: number
  }[]
  await tx.table('pendingDeletes').bulkPut(
    tombstones.map((t) => ({
      alertId: t.key.slice(prefix.length),
      state: 'pending',
      requestedAt: t.at,
      attempts: 0,
      nextAttemptAt: 0,
      raw: 'a deletion tombstone written before deletions were confirmed (cache schema 1)',
    })),
  )
}

export const LATEST_CACHE_VERSION = CACHE_MIGRATIONS.at(-1)?.version ?? 0
