import type { Alert, Incident } from '../../../shared/domain'
import type { IntakeEvent } from '../../../shared/ipc/schemas'
import type { CacheDb } from '../db/cache-db'
import { toAlertRow, toIncidentRow } from '../db/derive'
import type { AlertRow, IncidentRow } from '../db/rows'
import {
  applyChunk,
  StaleAbsence,
  type AlertChange,
  type ChunkResult,
  type IncidentChange,
} from './apply-chunk'
import { KnownAlertIds } from './known-alert-ids'
import { BatchScan, FIRST_PAINT_ALERTS } from './priority-first'
import { reconcileStartsOf } from './intake-events'
import { prepareChunk, type PreparedChunk } from './prepare-chunk'
import { readTombstones } from './tombstones'
import { afterApiRead, trustBoundNs } from './trust'
import type { OpenAlertsSnapshot } from './open-alerts'

/**
 * The relay keeps events 72 h: a late event for a deleted alert cannot arrive after that, so its
 * tombstone can go. (Repeat deliveries are recognised by their timeline entry, kept for good.)
 */
export const SEEN_RETENTION_MS = 72 * 3_600_000
const PRUNE_EVERY_MS = 10 * 60_000
/** Small enough that one chunk's decode, or its apply and write, stays well under a 50 ms task. */
export const DEFAULT_CHUNK_SIZE = 100

export interface IngestOptions {
  /** Events or rows per transaction; between chunks the main thread is yielded. */
  readonly chunkSize?: number
  readonly now?: () => number
}

/** One chunk's share of a batch, as soon as its transaction committed. */
export interface ChunkProgress extends ChunkResult {
  /** Events of the batch handled so far (this chunk included), and in all. */
  readonly done: number
  readonly total: number
}

export interface ApplyBatchOptions {
  /**
   * Called after each chunk commits. When given, the chunk's changes go here only and the batch's
   * result lists none (the ingest worker streams them in small messages instead of one huge one).
   */
  onChunk?(progress: ChunkProgress): void
  /** The batch already scanned for what lands first, as it arrived (the ingest worker does). */
  scan?: BatchScan
}

export interface BatchResult {
  readonly applied: number
  readonly diagnostics: number
  /** Every alert this batch changed, in write order. */
  readonly changes: readonly AlertChange[]
  /** Every Opsgenie incident this batch changed (coordination follows linked ones). */
  readonly incidents: readonly IncidentChange[]
}

export interface Ingest {
  /** Relay events, poll pages and reconciliation results, in the order main sent them. */
  applyBatch(events: readonly IntakeEvent[], options?: ApplyBatchOptions): Promise<BatchResult>
  /**
   * Full entities from a list result, read just now: Opsgenie's word over webhook-derived state,
   * but never over a newer API read (`afterApiRead`).
   */
  applyAlerts(alerts: readonly Alert[]): Promise<number>
  applyIncidents(incidents: readonly Incident[]): Promise<number>
  /** Closes cached open alerts that are no longer open upstream. */
  applyOpenAlerts(snapshot: OpenAlertsSnapshot): Promise<BatchResult>
  /** Drops deletion tombstones older than the relay's retention; returns how many. */
  pruneSeen(): Promise<number>
}

export function createIngest(db: CacheDb, options: IngestOptions = {}): Ingest {
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE
  const now = options.now ?? Date.now
  let lastPrune = -Infinity
  const known = new KnownAlertIds(db)

  /** One chunk, taking alerts this ingest has never seen for new; again with reads if one was not. */
  const applyPart = async (
    prepared: PreparedChunk,
    part: Part,
    reconcileStarts: ReadonlyMap<string, number>,
  ): Promise<ChunkResult> => {
    const absent = await known.absence()
    const run = (guess: boolean): Promise<ChunkResult> =>
      applyChunk(db, prepared, {
        now: now(),
        reconcileStarts,
        ...(part.cursorFrom !== undefined ? { cursorFrom: part.cursorFrom } : {}),
        ...(guess ? { absent } : {}),
      })
    const result = await run(true).catch((error: unknown) => {
      if (!(error instanceof StaleAbsence)) throw error
      return run(false)
    })
    known.add(prepared.alertIds)
    return result
  }

  const pruneSeen = (): Promise<number> => {
    lastPrune = now()
    return db.seenEvents
      .where('at')
      .below(lastPrune - SEEN_RETENTION_MS)
      .delete()
  }

  /**
   * Chunk k+1 is prepared while chunk k's transaction is in IndexedDB (which does its work off the
   * calling thread), and every slice stays short: a macrotask yield between them. A large batch
   * lands its most urgent open alerts first (`planBatch`), so the first chunk is what a responder
   * looks at.
   */
  const applyBatch = async (
    events: readonly IntakeEvent[],
    batchOptions: ApplyBatchOptions = {},
  ): Promise<BatchResult> => {
    let applied = 0
    let diagnostics = 0
    const changes: AlertChange[] = []
    const incidents: IncidentChange[] = []
    const parts = planChunks(events, chunkSize, batchOptions.scan)
    const reconcileStarts = reconcileStartsOf(events)
    const prepare = (part: Part): Prepared => ({ prepared: prepareChunk(part.events), part })
    let next: Prepared | undefined = parts[0] === undefined ? undefined : prepare(parts[0])
    let done = 0
    for (let i = 0; next !== undefined; i++) {
      const { prepared, part } = next
      const running = applyPart(prepared, part, reconcileStarts)
      running.catch(() => undefined) // awaited below; not unhandled while the next chunk decodes
      const following = parts[i + 1]
      next = undefined
      if (following !== undefined) {
        await yieldToMainThread()
        next = prepare(following)
      }
      const result = await running
      applied += result.applied
      diagnostics += result.diagnostics
      done += part.events.length
      if (batchOptions.onChunk !== undefined)
        batchOptions.onChunk({ ...result, done, total: events.length })
      else {
        changes.push(...result.changes)
        incidents.push(...result.incidents)
      }
    }
    if (now() - lastPrune >= PRUNE_EVERY_MS) await pruneSeen()
    return { applied, diagnostics, changes, incidents }
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
          now(),
        )
        known.add(chunk.map((a) => a.id))
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
    applyOpenAlerts: (snapshot) =>
      applyBatch([
        {
          workspaceId: 'local',
          cursor: '',
          source: 'reconcile',
          receivedAt: now(),
          payload: { kind: 'open-alerts', ...snapshot, alertIds: [...snapshot.alertIds] },
        },
      ]),
    pruneSeen,
  }
}

/** API rows, as `afterApiRead` decides against the cached ones (one bulk read, one bulk write). */
async function upsertAlerts(
  db: CacheDb,
  rows: readonly AlertRow[],
  fetchedAt: number,
): Promise<number> {
  return db.transaction('rw', db.alerts, db.seenEvents, async () => {
    const ids = rows.map((r) => r.id)
    const [current, tombstoned] = await Promise.all([
      db.alerts.bulkGet(ids),
      readTombstones(db, ids),
    ])
    const bound = trustBoundNs(fetchedAt)
    const fresh = rows.flatMap((row, i) => {
      if (tombstoned.has(row.id)) return []
      return afterApiRead(current[i], row, fetchedAt, bound) ?? []
    })
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

interface Part {
  readonly events: readonly IntakeEvent[]
  /** Whose cursor the chunk records, when not its own events' (see `applyChunk`). */
  readonly cursorFrom?: readonly IntakeEvent[]
}

interface Prepared {
  readonly prepared: PreparedChunk
  readonly part: Part
}

/**
 * The batch's chunks: the urgent alerts first (recording no cursor), then the rest in arrival
 * order; when anything was lifted, the last chunk records the batch's last cursor, which may
 * belong to a lifted event.
 */
function planChunks(events: readonly IntakeEvent[], size: number, scan?: BatchScan): Part[] {
  const plan = (scan ?? new BatchScan().add(events)).plan(events, FIRST_PAINT_ALERTS)
  if (plan.first.length === 0) return chunks(events, size).map((c) => ({ events: c }))
  const parts: Part[] = [
    ...chunks(plan.first, size).map((c) => ({ events: c, cursorFrom: [] })),
    ...rampedChunks(plan.rest, FIRST_PAINT_ALERTS, size).map((c) => ({ events: c })),
  ]
  const last = parts.length - 1
  parts[last] = { events: parts[last]?.events ?? [], cursorFrom: events }
  return parts
}

/**
 * Chunks that start small and double up to `size`: the page's read of what just landed (the live
 * query of the top alerts) queues behind the transaction already running, so the ones right after
 * the urgent part are kept short.
 */
function rampedChunks<T>(items: readonly T[], first: number, size: number): T[][] {
  const out: T[][] = []
  let step = Math.min(first, size)
  for (let i = 0; i < items.length; i += step, step = Math.min(size, step * 2))
    out.push(items.slice(i, i + step))
  return out
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}

/**
 * A macrotask boundary, so rendering and input get a turn between slices. `scheduler.postTask`
 * (Chromium) or a MessageChannel message: unlike `setTimeout(0)`, neither is clamped to 4 ms
 * once nested, which over hundreds of slices would add up.
 */
function yieldToMainThread(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: PostTaskScheduler }).scheduler
  if (scheduler?.postTask !== undefined) return scheduler.postTask(() => undefined)
  return new Promise((resolve) => {
    const channel = new MessageChannel()
    channel.port1.onmessage = () => {
      channel.port1.close()
      resolve()
    }
    channel.port2.postMessage(undefined)
  })
}

interface PostTaskScheduler {
  postTask?: (task: () => void, options?: { priority?: string }) => Promise<void>
}
