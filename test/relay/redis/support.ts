import { connectSse, type SseConnection } from '../../../bench/relay-sse-client.js'
import { startRelay, WEBHOOK_SECRET_HEADER, type RunningRelay } from '../../../src/relay/index.js'
import { eventData } from '../support/relay-harness.js'

export const SECRET = 'redis-test-secret-0123456789'

/** A relay instance on the shared Redis, as `serve --store <url>` would start it. */
export function startRedisRelay(url: string, acceptVolatileStore = false): Promise<RunningRelay> {
  return startRelay({
    redis: { url, acceptVolatileStore },
    webhookSecret: SECRET,
    port: 0,
    revocationCheckMs: 100,
  })
}

export function alertBody(n: number, tag = 'r'): string {
  return `{"action":"Create","alert":{"alertId":"${tag}-${n}","updatedAt":17000000000${String(n).padStart(8, '0')}}}`
}

export async function postWebhook(
  baseUrl: string,
  body: string,
): Promise<{ status: number; json: { id?: number; repeat?: boolean; error?: string } }> {
  const res = await fetch(`${baseUrl}/webhooks/opsgenie`, {
    method: 'POST',
    headers: { [WEBHOOK_SECRET_HEADER]: SECRET, 'Content-Type': 'application/json' },
    body,
    signal: AbortSignal.timeout(10_000),
  })
  return { status: res.status, json: (await res.json()) as { id?: number; error?: string } }
}

export function stream(
  baseUrl: string,
  token: string,
  lastEventId?: number,
): Promise<SseConnection> {
  const headers: Record<string, string> = { Authorization: `Bearer ${token}` }
  if (lastEventId !== undefined) headers['Last-Event-ID'] = String(lastEventId)
  return connectSse(`${baseUrl}/events`, headers)
}

/** Ids of the `opsgenie` events a client got, in arrival order. */
export function eventIds(conn: SseConnection): number[] {
  return conn.messages.filter((m) => m.event === 'opsgenie').map((m) => eventData(m).id)
}
