import { decodeRelayFrame } from '../../src/main/gateway/provider/opsgenie/events'
import type { IntakeEvent } from '../../src/shared/ipc/schemas'

/**
 * Relay-shaped Create events, as main forwards them to the renderer: the relay's SSE `data:` JSON
 * (see `test/renderer/sync/support.ts`) wrapping an Opsgenie webhook body shaped like the zulip
 * fixture `create.json`, with `updatedAt` as an exact nanosecond literal. Browser-safe: the
 * harness builds them inside Chromium so the strings live where ingest reads them.
 */
const PRIORITIES = ['P1', 'P2', 'P2', 'P3', 'P3', 'P3', 'P3', 'P4', 'P4', 'P5'] as const
const TEAMS = ['platform', 'payments', 'search', 'mobile', 'data']

/**
 * One alert a second ending a minute ago: inside the relay's 72 h retention, as live events are,
 * so ingest's seen-key pruning finds nothing to delete (older stamps would make every batch
 * also delete every key it just wrote).
 */
export function createEvents(
  workspaceId: string,
  count: number,
  startId = 1,
  endMs = Date.now() - 60_000,
): IntakeEvent[] {
  // Decoded by main's real decoder, as the renderer receives them.
  return createRelayFrames(count, startId, endMs).map((f) => ({
    workspaceId,
    cursor: `relay:${f.n}`,
    source: 'relay',
    receivedAt: f.receivedAt,
    payload: decodeRelayFrame(f.data, f.receivedAt),
  }))
}

/** One relay SSE frame as main receives it: the `data:` text and when the relay received it. */
export interface RelayFrame {
  readonly n: number
  readonly data: string
  readonly receivedAt: number
}

/** The relay frames behind `createEvents`, for timing main's decoding on its own. */
export function createRelayFrames(
  count: number,
  startId = 1,
  endMs = Date.now() - 60_000,
): RelayFrame[] {
  const frames: RelayFrame[] = []
  const baseMs = endMs - (startId + count) * 1_000
  for (let i = 0; i < count; i++) {
    const n = startId + i
    const createdMs = baseMs + n * 1_000
    const alertId = `bench-${n.toString(16).padStart(8, '0')}-4c94-b38b-d88f398e900f`
    const alert = {
      alertId,
      message: `disk usage above 90% on db-${n % 997} (${TEAMS[n % TEAMS.length]})`,
      tags: ['bench', `shard-${n % 16}`],
      tinyId: String(n),
      source: 'monitoring@example.com',
      entity: `db-${n % 997}`,
      alias: `bench-alias-${n}`,
      createdAt: createdMs,
      updatedAt: '__NS__',
      username: 'System',
      userId: '8d43133c-a002-4e95-bf2b-2d6f95e47c96',
      recipients: [],
      teams: [TEAMS[n % TEAMS.length]],
      insertedAt: '__NS__',
      priority: PRIORITIES[n % PRIORITIES.length],
    }
    const ns = `${createdMs}000${String(n % 1000).padStart(3, '0')}`
    const webhook = JSON.stringify({
      action: 'Create',
      alert,
      source: { name: 'web', type: 'API' },
      integrationName: 'Webhook',
      integrationType: 'Webhook',
    }).replaceAll('"__NS__"', ns)
    const receivedAt = createdMs + 150
    const data = JSON.stringify({
      id: n,
      receivedAt: new Date(receivedAt).toISOString(),
      action: 'Create',
      alertId,
      dedupKey: `${alertId}|Create|${ns}`,
      repeat: false,
      payload: webhook,
    })
    frames.push({ n, data, receivedAt })
  }
  return frames
}
