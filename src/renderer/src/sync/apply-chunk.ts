import { assertNever } from '../../../shared/assert-never'
import type { AlertEvent, UpstreamEvent } from '../../../shared/domain'
import type { IntakeEvent } from '../../../shared/ipc/schemas'
import type { CacheDb } from '../db/cache-db'
import { toAlertRow, toIncidentRow } from '../db/derive'
import type {
  ActivityRow,
  AlertRow,
  CreatedEntry,
  CursorRow,
  DiagnosticRow,
  IncidentRow,
  PendingDeleteRow,
} from '../db/rows'
import { activityIdOf, applyAlertEvent, coversKey } from './apply-alert-event'
import { cursorKindOf, rawOf } from './intake-events'
import type { PreparedChunk } from './prepare-chunk'
import { closeMissing } from './open-alerts'
import { readPendingDeletes, readTombstones } from './tombstones'
import { afterApiRead, trustBoundNs } from './trust'

export { tombstoneKey } from './tombstones'

/** An event ingest cannot apply; it goes to diagnostics with this reason and the raw text. */
export class IngestProblem extends Error {
  override readonly name = 'IngestProblem'
}

/** How old an alert first seen by reconciliation may be and still count as news (15 minutes). */
export const RECENT_UNSEEN_MS = 15 * 60_000

/** How one alert changed in a chunk, for whoever reacts to changes (notifications, tray). */
export interface AlertChange {
  readonly kind: 'created' | 'acknowledged' | 'closed' | 'updated'
  readonly alert: AlertRow
  /** True when a live event (relay webhook or poll) caused it, false for reconciliation. */
  readonly live: boolean
}

/**
 * How one Opsgenie incident changed in a chunk, for coordination to follow a linked incident's
 * state. `before` is the cached row the chunk started from (absent when first seen).
 */
export interface IncidentChange {
  readonly before?: IncidentRow
  readonly incident: IncidentRow
}

export interface ChunkResult {
  readonly applied: number
  readonly diagnostics: number
  readonly changes: readonly AlertChange[]
  readonly incidents: readonly IncidentChange[]
}

export function changeKind(before: AlertRow | undefined, after: AlertRow): AlertChange['kind'] {
  if (before === undefined) return 'created'
  if (before.status === 'open' && after.status === 'closed') return 'closed'
  if (!before.acknowledged && after.acknowledged) return 'acknowledged'
  return 'updated'
}

/**
 * One prepared chunk in one `rw` transaction: one bulk read per table (alerts, incidents, the
 * timeline entries that double as dedup keys, tombstones, pending deletions), plain code, one bulk
 * write per table and the cursor of its last event with them, so a failure leaves rows and cursor
 * where they were. A Delete webhook only marks the alert `deletion: 'pending'`: the deletion
 * confirmer asks the API before anything is hidden (`deletions.ts`).
 */
export async function applyChunk(
  db: CacheDb,
  chunk: PreparedChunk,
  options: {
    tombstoneScanLimit?: number
    now?: number
    /** When the batch's reconciliations began listing (`reconcileStartsOf`). */
    reconcileStarts?: ReadonlyMap<string, number>
    /**
     * The events whose cursor this chunk records (the last one with a cursor wins): its own by
     * default; none for the urgent part ingest lifts ahead of arrival order (`priority-first.ts`).
     */
    cursorFrom?: readonly IntakeEvent[]
    /**
     * Alerts the caller believes have no row (`KnownAlertIds`): not read, and their new rows are
     * written with `add`, so a row that exists after all (another writer inserted it) fails the
     * write and aborts the whole chunk with `StaleAbsence`; the caller applies it again, reading.
     */
    absent?: (alertId: string) => boolean
  } = {},
): Promise<ChunkResult> {
  const now = options.now ?? Date.now()
  const fetchedAt = (d: { reconcileId?: string }, event: IntakeEvent): number =>
    (d.reconcileId === undefined ? undefined : options.reconcileStarts?.get(d.reconcileId)) ??
    event.receivedAt
  // Versions past this are not believed, whenever they were stored (see `trust.ts`).
  const boundFor = (event: IntakeEvent): string => trustBoundNs(Math.max(now, event.receivedAt))
  const { events, incidentIds } = chunk
  const alertIds = [...chunk.alertIds]
  // A reconciliation reads every open alert anyway: no alert of its chunk is taken as absent.
  const absent = chunk.reconciles ? new Set<string>() : absentOf(alertIds, options.absent)
  return db.transaction(
    'rw',
    [
      db.alerts,
      db.incidents,
      db.activity,
      db.cursors,
      db.diagnostics,
      db.seenEvents,
      db.pendingDeletes,
    ],
    async () => {
      // Everything is read up front: between here and the writes only plain code runs, no awaits.
      if (chunk.reconciles) {
        const known = new Set(alertIds)
        alertIds.push(
          ...(await db.alerts.where('status').equals('open').primaryKeys()).filter(
            (id) => !known.has(id),
          ),
        )
      }
      const readIds = absent.size === 0 ? alertIds : alertIds.filter((id) => !absent.has(id))
      // A new alert's creation entry can only be on its row (none to read), unless it was deleted.
      const skipped = (i: number): boolean => absent.has(chunk.creationOf[i] ?? '')
      const activityIds = chunk.activityIds.filter((_, i) => !skipped(i))
      const [alertRows, incidentRows, activityRows, tombstoned, pendingRows] = await Promise.all([
        db.alerts.bulkGet(readIds),
        db.incidents.bulkGet([...incidentIds]),
        db.activity.bulkGet(activityIds),
        readTombstones(db, alertIds, options.tombstoneScanLimit),
        readPendingDeletes(db, alertIds, options.tombstoneScanLimit),
      ])
      const deletedEntries = chunk.activityIds.filter(
        (_, i) => skipped(i) && tombstoned.has(chunk.creationOf[i] ?? ''),
      )
      // Entries taken for absent unread: written with `add`, like the rows (see the writes).
      const unreadEntries = new Set(
        chunk.activityIds.filter(
          (_, i) => skipped(i) && !tombstoned.has(chunk.creationOf[i] ?? ''),
        ),
      )
      if (deletedEntries.length > 0)
        activityRows.push(...(await db.activity.bulkGet(deletedEntries)))
      const alerts = new Map<string, AlertRow | 'delete'>()
      readIds.forEach((id, i) => alertRows[i] !== undefined && alerts.set(id, alertRows[i]))
      const incidents = new Map<string, IncidentRow>()
      incidentIds.forEach(
        (id, i) => incidentRows[i] !== undefined && incidents.set(id, incidentRows[i]),
      )
      const stored = new Set<ActivityRow>()
      const activity = new Map<string, ActivityRow>()
      for (const row of activityRows) {
        if (row === undefined) continue
        stored.add(row)
        activity.set(row.id, row)
      }
      const pending = new Map<string, PendingDeleteRow>()
      for (const row of pendingRows) if (row !== undefined) pending.set(row.alertId, row)
      const newPending: PendingDeleteRow[] = []
      const diagnostics: DiagnosticRow[] = []
      const touchedAlerts = new Set<string>()
      const liveAlerts = new Set<string>()
      const touchedIncidents = new Set<string>()
      let applied = 0

      /** Stages a row; an alert awaiting deletion keeps showing that, whatever else changed. */
      const put = (row: AlertRow, live: boolean): void => {
        const deletion = row.deletion ?? pending.get(row.id)?.state
        const before = alerts.get(row.id)
        const created = row.created ?? (before === 'delete' ? undefined : before?.created)
        alerts.set(row.id, {
          ...row,
          ...(deletion !== undefined ? { deletion } : {}),
          ...(created !== undefined ? { created } : {}),
        })
        touchedAlerts.add(row.id)
        if (live) liveAlerts.add(row.id)
      }

      /**
       * A Delete webhook: mark the alert and leave the verdict to the API (the confirmer). Another
       * Delete for an alert already waiting moves `requestedAt`, so an answer read before it is
       * not taken as the verdict on it; its retry schedule is kept.
       */
      const requestDeletion = (alertId: string, event: IntakeEvent): void => {
        const row: PendingDeleteRow = {
          state: 'pending',
          attempts: 0,
          nextAttemptAt: 0,
          ...pending.get(alertId),
          alertId,
          requestedAt: event.receivedAt,
          raw: rawOf(event),
        }
        pending.set(alertId, row)
        newPending.push(row)
        const current = alerts.get(alertId)
        if (current !== undefined && current !== 'delete' && current.deletion === undefined)
          put(current, true)
      }

      const apply = (d: UpstreamEvent, event: IntakeEvent): void => {
        switch (d.kind) {
          case 'alert-event': {
            const { alertId, key } = d
            const current = alerts.get(alertId)
            const cached = current === 'delete' ? undefined : current
            const earlier = activity.get(activityIdOf(d))
            // A repeat delivery of a change already applied.
            if (coversKey(earlier, key) || coversCreate(cached, d.activity, key)) return
            if (d.clampedFromNs !== undefined) diagnostics.push(clampNote(d, event))
            const deleted = current === 'delete' || tombstoned.has(alertId)
            const effect = applyAlertEvent(cached, deleted, d, boundFor(event))
            const row =
              effect.row === undefined || effect.row === 'delete'
                ? undefined
                : { ...effect.row, webhookAt: event.receivedAt }
            // A creation goes on the alert row (one write per alert), unless this cache already
            // has it as an entry of its own (written before) or there is no row to carry it.
            const carrier =
              d.activity === 'created' && earlier === undefined ? (row ?? cached) : undefined
            if (carrier !== undefined && !deleted)
              put(
                { ...carrier, created: createdAfter(cached?.created, effect.activity, key) },
                row !== undefined,
              )
            else {
              activity.set(effect.activity.id, entryAfter(earlier, effect.activity, key))
              if (row !== undefined) put(row, true)
            }
            if (effect.row === 'delete' && !deleted) requestDeletion(alertId, event)
            return
          }
          case 'alert': {
            const id = d.alert.id
            const current = alerts.get(id)
            if (current === 'delete' || tombstoned.has(id)) return
            const read = toAlertRow(d.alert)
            const row = afterApiRead(current, read, fetchedAt(d, event), boundFor(event))
            if (row === undefined) return
            // A poll result is live. So is an alert reconciliation finds for the first time when it
            // is recent: one raised while the app was closed or starting deserves its notification.
            put(
              row,
              event.source === 'poll' ||
                (current === undefined && row.createdMs >= event.receivedAt - RECENT_UNSEEN_MS),
            )
            return
          }
          case 'incident': {
            const current = incidents.get(d.incident.id)
            const row = toIncidentRow(d.incident)
            if (current !== undefined && row.versionNs < current.versionNs) return
            incidents.set(row.id, row)
            touchedIncidents.add(row.id)
            return
          }
          case 'open-alerts': {
            const closed = closeMissing(alerts, d, boundFor(event))
            for (const row of closed.rows.values()) put(row, false)
            closed.activity.forEach((a) => activity.set(a.id, a))
            return
          }
          case 'gap': // the source skipped events: only the cursor moves; reconciliation fills in
            return
          case 'problem':
            throw new IngestProblem(d.reason)
          default:
            assertNever(d, 'decoded event')
        }
      }

      for (const event of events) {
        const d = event.payload
        try {
          apply(d, event)
          applied += d.kind === 'problem' ? 0 : 1
        } catch (error) {
          const reason =
            error instanceof IngestProblem
              ? error.message
              : `could not apply event: ${String(error)}`
          diagnostics.push({
            receivedAt: event.receivedAt,
            source: String(event.source),
            reason,
            raw: rawOf(event),
          })
        }
      }
      let cursor: CursorRow | undefined
      for (const event of options.cursorFrom ?? events) {
        const kind = cursorKindOf(event)
        if (kind !== undefined)
          cursor = { source: kind, cursor: event.cursor, updatedAt: event.receivedAt }
      }

      const puts = [...touchedAlerts].flatMap((id) => {
        const row = alerts.get(id)
        return row === undefined || row === 'delete' ? [] : [row]
      })
      const adds = puts.filter((row) => absent.has(row.id))
      const updates = adds.length === 0 ? puts : puts.filter((row) => !absent.has(row.id))
      // An alert taken for new that gets no row here (a Delete, an event with nothing to build a
      // row from) was applied as if it had none: check that, since no `add` will.
      const added = new Set(adds.map((row) => row.id))
      const unchecked = [...absent].filter((id) => !added.has(id))
      if (unchecked.length > 0 && (await db.alerts.bulkGet(unchecked)).some(Boolean))
        throw new StaleAbsence('an alert taken for new without a row to add has one')
      const deletes = [...alerts].flatMap(([id, row]) => (row === 'delete' ? [id] : []))
      const newActivity = [...activity.values()].filter((a) => !stored.has(a))
      const entryAdds = newActivity.filter((a) => unreadEntries.has(a.id))
      const entryPuts =
        entryAdds.length === 0 ? newActivity : newActivity.filter((a) => !unreadEntries.has(a.id))
      // One round trip: the cursor goes with the rows; any failed write aborts them all.
      await Promise.all([
        updates.length > 0 ? db.alerts.bulkPut(updates) : undefined,
        adds.length > 0 ? db.alerts.bulkAdd(adds).catch(staleOnConflict) : undefined,
        entryAdds.length > 0 ? db.activity.bulkAdd(entryAdds).catch(staleOnConflict) : undefined,
        deletes.length > 0 ? db.alerts.bulkDelete(deletes) : undefined,
        touchedIncidents.size > 0
          ? db.incidents.bulkPut([...touchedIncidents].flatMap((id) => incidents.get(id) ?? []))
          : undefined,
        entryPuts.length > 0 ? db.activity.bulkPut(entryPuts) : undefined,
        newPending.length > 0 ? db.pendingDeletes.bulkPut(newPending) : undefined,
        diagnostics.length > 0 ? db.diagnostics.bulkAdd(diagnostics) : undefined,
        cursor !== undefined ? db.cursors.put(cursor) : undefined,
      ])
      const before = new Map(readIds.map((id, i) => [id, alertRows[i]]))
      const changes = puts.map((row) => ({
        kind: changeKind(before.get(row.id), row),
        alert: row,
        live: liveAlerts.has(row.id),
      }))
      const incidentsBefore = new Map([...incidentIds].map((id, i) => [id, incidentRows[i]]))
      const incidentChanges = [...touchedIncidents].flatMap((id) => {
        const row = incidents.get(id)
        const was = incidentsBefore.get(id)
        return row === undefined
          ? []
          : [{ ...(was !== undefined ? { before: was } : {}), incident: row }]
      })
      return { applied, diagnostics: diagnostics.length, changes, incidents: incidentChanges }
    },
  )
}

/**
 * A chunk took an alert for new that has a row after all (another writer inserted it since the
 * caller last knew): nothing of the chunk was written; apply it again with reads.
 */
export class StaleAbsence extends Error {
  override readonly name = 'StaleAbsence'
  constructor(cause: unknown) {
    super(`an alert taken for new already had a row: ${String(cause)}`, { cause })
  }
}

/** A failed `add` of a row taken for new: a key that exists after all is a stale guess. */
function staleOnConflict(error: unknown): never {
  const failures = (error as { failures?: unknown } | undefined)?.failures
  const all = Array.isArray(failures) ? failures : [error]
  if (all.length > 0 && all.every((f) => (f as { name?: unknown })?.name === 'ConstraintError'))
    throw new StaleAbsence(error)
  throw error
}

function absentOf(
  alertIds: readonly string[],
  absent: ((alertId: string) => boolean) | undefined,
): Set<string> {
  return absent === undefined ? new Set() : new Set(alertIds.filter(absent))
}

/** The diagnostic for an event dated far ahead of its receipt: applied, but as of receivedAt. */
function clampNote(alertEvent: AlertEvent, event: IntakeEvent): DiagnosticRow {
  const claimed = alertEvent.clampedFromNs ?? '0'
  const received = alertEvent.versionNs ?? '0'
  const aheadMin = (BigInt(claimed) - BigInt(received)) / 60_000_000_000n
  return {
    receivedAt: event.receivedAt,
    source: String(event.source),
    reason:
      `event ${alertEvent.action} for alert ${alertEvent.alertId}: its time ${claimed} is ` +
      `${aheadMin} min ahead of the relay's receivedAt; clamped to receivedAt (forged or skewed)`,
    raw: rawOf(event),
  }
}

/** Whether the alert row already records this Create delivery (`AlertRow.created`). */
function coversCreate(
  row: AlertRow | undefined,
  activity: ActivityRow['kind'],
  key: string,
): boolean {
  return activity === 'created' && (row?.created?.keys.includes(key) ?? false)
}

/** The row's creation entry after one more Create delivery: the earliest sighting, every key. */
function createdAfter(
  earlier: CreatedEntry | undefined,
  next: ActivityRow,
  key: string,
): CreatedEntry {
  const keep: Omit<CreatedEntry, 'keys'> =
    earlier === undefined || BigInt(next.at) < BigInt(earlier.at)
      ? {
          at: next.at,
          action: next.action,
          ...(next.actor !== undefined ? { actor: next.actor } : {}),
          ...(next.text !== undefined ? { text: next.text } : {}),
        }
      : earlier
  return {
    at: keep.at,
    action: keep.action,
    ...(keep.actor !== undefined ? { actor: keep.actor } : {}),
    ...(keep.text !== undefined ? { text: keep.text } : {}),
    keys: [...(earlier?.keys ?? []), key],
  }
}

/**
 * The timeline entry after one more delivery. Create keeps its earliest sighting and lists every
 * Create key applied (the dedup record); any other entry is keyed by its one delivery key.
 */
function entryAfter(earlier: ActivityRow | undefined, next: ActivityRow, key: string): ActivityRow {
  if (next.id === key) return next
  const keep = earlier === undefined || BigInt(next.at) < BigInt(earlier.at) ? next : earlier
  return { ...keep, seenKeys: [...(earlier?.seenKeys ?? []), key] }
}
