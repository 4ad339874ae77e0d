import type { Alert, Incident } from '../../../shared/domain'
import type { IntakeEvent } from '../../../shared/ipc/schemas'
import type { CacheDb } from '../db/cache-db'
import { toAlertRow, toIncidentRow } from '../db/derive'
import type { AlertRow, IncidentRow } from '../db/rows'
import { applyChunk, tombstoneKey, type AlertChange } from './apply-chunk'
import type { OpenAlertsSnapshot } from './reconcile'

/** The relay keeps events 72 h; a repeat older than that cannot arrive, so its key can go. */
export const SEEN_RETENTION_MS = 72 * 3_600_000
const PRUNE_EVERY_MS = 10 * 60_000

export interface IngestOptions {
  /** Events or rows per transaction; between chunks the main thread is yielded. */
  readonly chunkSize?: number
  readonly now?: () => number
}

export interface BatchResult {
  readonly applied: number
  readonly diagnostics: number
  /** Every alert this batch changed, in write order. */
  readonly changes: readonly AlertChange[]
}

export interface Ingest {
  /** Relay events, poll pages and reconciliation results, in the order main sent them. */
  applyBatch(events: readonly IntakeEvent[]): Promise<BatchResult>
  /** Full entities from a list result; a row never goes back to an older version. */
  applyAlerts(alerts: readonly Alert[]): Promise<number>
  applyIncidents(incidents: readonly Incident[]): Promise<number>
  /** Closes cached open alerts that are no longer open upstream. */
  reconcile(snapshot: OpenAlertsSnapshot): Promise<BatchResult>
  /** Drops dedup keys older than the relay's retention; returns how many. */
  pruneSeen(): Promise<number>
}

export function createIngest(db: CacheDb, options: IngestOptions = {}): Ingest {
  const chunkSize = options.chunkSize ?? 1_000
  const now = options.now ?? Date.now
  let lastPrune = -Infinity

  const pruneSeen = (): Promise<number> => {
    lastPrune = now()
    return db.seenEvents
      .where('at')
      .below(lastPrune - SEEN_RETENTION_MS)
      .delete()
  }

  const applyBatch = async (events: readonly IntakeEvent[]): Promise<BatchResult> => {
    let applied = 0
    let diagnostics = 0
    const changes: AlertChange[] = []
    for (const [i, chunk] of chunks(events, chunkSize).entries()) {
      if (i > 0) await yieldToMainThread()
      const result = await applyChunk(db, chunk)
      applied += result.applied
      diagnostics += result.diagnostics
      changes.push(...result.changes)
    }
    if (now() - lastPrune >= PRUNE_EVERY_MS) await pruneSeen()
    return { applied, diagnostics, changes }
  }

  return {
    applyBatch,
    applyAlerts: async (alerts) => {
      let written = 0
      for (const [i, chunk] of chunks(alerts, chunkSize).entries()) {
        if (i > 0) await yieldToMainThread()
        written += await upsertAlerts(
          db,
          chunk.map((a) => toAlertRow(a)),
        )
      }
      return written
    },
    applyIncidents: async (incidents) => {
      let written = 0
      for (const [i, chunk] of chunks(incidents, chunkSize).entries()) {
        if (i > 0) await yieldToMainThread()
        written += await upsertIncidents(
          db,
          chunk.map((x) => toIncidentRow(x)),
        )
      }
      return written
    },
    reconcile: (snapshot) =>
      applyBatch([
        {
          workspaceId: 'local',
          cursor: '',
          source: 'reconcile',
          receivedAt: now(),
          payload: JSON.stringify({ kind: 'open-alerts', ...snapshot }),
        },
      ]),
    pruneSeen,
  }
}

/** Keeps only rows at least as new as the cached ones (one bulk read, one bulk write). */
async function upsertAlerts(db: CacheDb, rows: readonly AlertRow[]): Promise<number> {
  return db.transaction('rw', db.alerts, db.seenEvents, async () => {
    const ids = rows.map((r) => r.id)
    const [current, tombstones] = await Promise.all([
      db.alerts.bulkGet(ids),
      db.seenEvents.bulkGet(ids.map(tombstoneKey)),
    ])
    const fresh = rows.filter(
      (row, i) => tombstones[i] === undefined && !(row.versionNs < (current[i]?.versionNs ?? '')),
    )
    if (fresh.length > 0) await db.alerts.bulkPut(fresh)
    return fresh.length
  })
}

async function upsertIncidents(db: CacheDb, rows: readonly IncidentRow[]): Promise<number> {
  return db.transaction('rw', db.incidents, async () => {
    const current = await db.incidents.bulkGet(rows.map((r) => r.id))
    const fresh = rows.filter((row, i) => !(row.versionNs < (current[i]?.versionNs ?? '')))
    if (fresh.length > 0) await db.incidents.bulkPut(fresh)
    return fresh.length
  })
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}

/** A macrotask boundary, so rendering and input get a turn between transactions. */
function yieldToMainThread(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0))
}
