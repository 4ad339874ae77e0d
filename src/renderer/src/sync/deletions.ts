import type { Alert } from '../../../shared/domain'
import type { CacheDb } from '../db/cache-db'
import { toAlertRow } from '../db/derive'
import type { AlertRow, PendingDeleteRow } from '../db/rows'
import { changeKind, type AlertChange } from './apply-chunk'
import { tombstoneKey } from './tombstones'
import { afterApiRead, trustBoundNs } from './trust'

/**
 * The verdicts on a Delete webhook, each one transaction. Each first checks that the deletion is
 * still the one that was asked about: if another Delete arrived while the API was being read
 * (`requestedAt` moved) or the deletion was settled meanwhile, it does nothing (`stale`) and the
 * next confirmer run asks again.
 */
export type Settled = { kind: 'stale' } | { kind: 'done'; change?: AlertChange }

const STALE: Settled = { kind: 'stale' }

async function stillAsked(db: CacheDb, asked: PendingDeleteRow): Promise<boolean> {
  const now = await db.pendingDeletes.get(asked.alertId)
  return now !== undefined && now.requestedAt === asked.requestedAt
}

/** The API answered 404: hide the alert for good, with a tombstone against late events. */
export async function confirmGone(
  db: CacheDb,
  asked: PendingDeleteRow,
  at: number,
): Promise<Settled> {
  return db.transaction('rw', [db.alerts, db.seenEvents, db.pendingDeletes], async () => {
    if (!(await stillAsked(db, asked))) return STALE
    await Promise.all([
      db.alerts.delete(asked.alertId),
      db.seenEvents.put({ key: tombstoneKey(asked.alertId), at }),
      db.pendingDeletes.delete(asked.alertId),
    ])
    return { kind: 'done' }
  })
}

/**
 * The API still returns the alert: the Delete was forged or mistaken. The alert shows Opsgenie's
 * state, no longer marked, and a diagnostic keeps the Delete for whoever investigates.
 */
export async function restore(
  db: CacheDb,
  asked: PendingDeleteRow,
  alert: Alert,
  at: number,
): Promise<Settled> {
  const tables = [db.alerts, db.seenEvents, db.pendingDeletes, db.diagnostics]
  return db.transaction('rw', tables, async () => {
    if (!(await stillAsked(db, asked))) return STALE
    const current = await db.alerts.get(asked.alertId)
    const read = afterApiRead(current, toAlertRow(alert), at, trustBoundNs(at)) ?? current
    const next: AlertRow | undefined = read === undefined ? undefined : unmarked(read)
    await Promise.all([
      next !== undefined ? db.alerts.put(next) : undefined,
      // A tombstone left by a Delete applied before deletions were confirmed.
      db.seenEvents.delete(tombstoneKey(asked.alertId)),
      db.pendingDeletes.delete(asked.alertId),
      db.diagnostics.add({
        receivedAt: at,
        source: 'relay',
        reason:
          `Delete webhook for alert ${asked.alertId} not confirmed: Opsgenie still returns the ` +
          `alert (${alert.status}), so it stays shown; the Delete was forged or mistaken`,
        raw: asked.raw,
      }),
    ])
    return next === undefined
      ? { kind: 'done' }
      : { kind: 'done', change: { kind: changeKind(current, next), alert: next, live: false } }
  })
}

/** The API could not be asked (offline, throttled, failed): keep showing it, unconfirmed. */
export async function unconfirmed(
  db: CacheDb,
  asked: PendingDeleteRow,
  error: string,
  nextAttemptAt: number,
): Promise<Settled> {
  return db.transaction('rw', [db.alerts, db.pendingDeletes], async () => {
    if (!(await stillAsked(db, asked))) return STALE
    await Promise.all([
      db.pendingDeletes.put({
        ...asked,
        state: 'unconfirmed',
        attempts: asked.attempts + 1,
        nextAttemptAt,
        lastError: error,
      }),
      db.alerts.update(asked.alertId, { deletion: 'unconfirmed' }),
    ])
    return { kind: 'done' }
  })
}

function unmarked(row: AlertRow): AlertRow {
  const { deletion: _d, ...rest } = row
  return rest
}
