import 'fake-indexeddb/auto'
import { randomUUID } from 'node:crypto'
import { pathToFileURL } from 'node:url'
import type { Alert } from '../../../src/shared/domain'
import { CacheDb } from '../../../src/renderer/src/db/cache-db'
import { createdActivity } from '../../../src/renderer/src/db/derive'
import type { ActivityRow } from '../../../src/renderer/src/db/rows'
import { confirmGone } from '../../../src/renderer/src/sync/deletions'
import { WEBHOOK_FIXTURES_DIR } from '../../fixtures/opsgenie/paths'

/** Every source folder of real webhook payloads, as a directory URL (trailing slash). */
export const FIXTURES = pathToFileURL(`${WEBHOOK_FIXTURES_DIR}/`)

/** A fresh, empty cache per test: unique workspace ids keep the shared fake IndexedDB isolated. */
export async function freshDb(): Promise<CacheDb> {
  return new CacheDb(`t-${randomUUID().slice(0, 8)}`).openOrExplain()
}

export { pollEvent, relayEvent } from '../../support/upstream-events'

/** A webhook body shaped like the zulip fixtures, `updatedAt` spliced in as an exact ns literal. */
export function webhook(
  action: string,
  alertId: string,
  updatedAtNs: string,
  extra: Record<string, unknown> = {},
): string {
  const alert = {
    tags: ['tag1'],
    message: `alert ${alertId}`,
    username: 'ana@example.com',
    alertId,
    alias: `alias-${alertId}`,
    tinyId: '7',
    createdAt: 1_700_000_000_000,
    updatedAt: '__NS__',
    priority: 'P2',
    ...extra,
  }
  return JSON.stringify({ action, alert, source: { name: '', type: 'web' } }).replace(
    '"__NS__"',
    updatedAtNs,
  )
}

/** Epoch ms -> epoch ns text, as Opsgenie stamps `alert.updatedAt`. */
export const nsOf = (ms: number): string => `${BigInt(ms) * 1_000_000n}`

/** An Opsgenie alert record as main's poller and reconciler send it (gateway/intake/payloads.ts). */
export function alertRecord(
  id: string,
  updatedAt: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    id,
    tinyId: 3,
    message: `alert ${id}`,
    status: 'open',
    acknowledged: false,
    priority: 'P1',
    tags: [],
    teams: [],
    responders: [],
    createdAt: '2026-11-26T23:00:00.000Z',
    updatedAt,
    ...extra,
  }
}

/** A domain alert (what `alerts:get` and list results answer). */
export function domainAlert(id: string, patch: Partial<Alert> = {}): Alert {
  return {
    id,
    tinyId: '1',
    alias: id,
    message: `alert ${id}`,
    status: 'open',
    acknowledged: false,
    snoozed: false,
    priority: 'P1',
    tags: [],
    teams: [],
    responders: [],
    count: 1,
    createdAt: '2026-11-26T23:00:00.000Z',
    updatedAt: '2026-11-26T23:00:00.000Z',
    ...patch,
  }
}

/**
 * Settles every pending deletion as Opsgenie's 404 does, through the confirmer's own verdict
 * (`confirmGone`), for tests about what follows a deletion. The API round trip itself is
 * covered in `deletion.int.test.ts`.
 */
export async function confirmDeleted(db: CacheDb, at = Date.now()): Promise<void> {
  for (const asked of await db.pendingDeletes.toArray()) await confirmGone(db, asked, at)
}

/**
 * Every timeline entry the cache holds, as the timeline reads them: the activity rows plus each
 * alert's creation, which lives on the alert row (`AlertRow.created`) unless an entry of its own
 * was written before.
 */
export async function timelineEntries(db: CacheDb): Promise<ActivityRow[]> {
  const [rows, alerts] = await Promise.all([db.activity.toArray(), db.alerts.toArray()])
  const ids = new Set(rows.map((r) => r.id))
  return [
    ...rows,
    ...alerts.flatMap((a) => {
      if (a.created === undefined) return []
      const entry = createdActivity(a.id, a.created)
      return ids.has(entry.id) ? [] : [entry]
    }),
  ]
}

export async function timelineCount(db: CacheDb): Promise<number> {
  return (await timelineEntries(db)).length
}

/** Every Create delivery recorded for an alert, on its row or on a Create entry of its own. */
export async function createKeys(db: CacheDb, alertId: string): Promise<readonly string[]> {
  const [row, entry] = await Promise.all([
    db.alerts.get(alertId),
    db.activity.get(`${alertId}|Create`),
  ])
  return row?.created?.keys ?? entry?.seenKeys ?? []
}
