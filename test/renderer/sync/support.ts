import 'fake-indexeddb/auto'
import { randomUUID } from 'node:crypto'
import type { IntakeEvent } from '../../../src/shared/ipc/schemas'
import { CacheDb } from '../../../src/renderer/src/db/cache-db'

export const FIXTURES = new URL('../../../../shared/opsgenie/webhook-fixtures/', import.meta.url)

/** A fresh, empty cache per test: unique workspace ids keep the shared fake IndexedDB isolated. */
export async function freshDb(): Promise<CacheDb> {
  return new CacheDb(`t-${randomUUID().slice(0, 8)}`).openOrExplain()
}

let relayId = 0

/** What main forwards for one relay SSE event: the relay's `data:` JSON text, verbatim. */
export function relayEvent(
  webhook: string,
  receivedAt = Date.parse('2026-11-27T00:00:00Z'),
): IntakeEvent {
  relayId += 1
  const data = JSON.stringify({
    id: relayId,
    receivedAt: new Date(receivedAt).toISOString(),
    action: 'x',
    alertId: 'x',
    dedupKey: 'x',
    repeat: false,
    payload: webhook,
  })
  return {
    workspaceId: 'w',
    cursor: `relay:${relayId}`,
    source: 'relay',
    receivedAt,
    payload: data,
  }
}

export function pollEvent(
  payload: unknown,
  cursor = 'poll:1:1',
  source: IntakeEvent['source'] = 'poll',
): IntakeEvent {
  return {
    workspaceId: 'w',
    cursor,
    source,
    receivedAt: Date.now(),
    payload: JSON.stringify(payload),
  }
}

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
