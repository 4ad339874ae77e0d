import { mkdirSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { createGroupCommit } from './group-commit.js'
import { RelayMetrics } from './metrics.js'
import { createRelayServer } from './server.js'
import { SseHub } from './sse.js'
import type { EventStore } from './store/event-store.js'
import { openSqliteEventStore } from './store/sqlite-store.js'
import { MIN_SECRET_LENGTH } from './config.js'
import { digest, openTokenStore } from './tokens.js'

export type { EventStore, NewEvent, StoredEvent, RetentionWindow } from './store/event-store.js'
export { openSqliteEventStore } from './store/sqlite-store.js'
export { openTokenStore, type TokenStore, type DeviceToken } from './tokens.js'
export { WEBHOOK_SECRET_HEADER, MAX_BODY_BYTES } from './webhook-intake.js'
export { checkWebhookBody, type WebhookSummary } from './payload.js'

export const DEFAULT_RETENTION_MS = 72 * 3600 * 1000
export const DEFAULT_HEARTBEAT_MS = 15_000

export interface RelayOptions {
  /** Folder for `events.sqlite` and `tokens.sqlite`; created if missing. */
  readonly dataDir: string
  readonly webhookSecret: string
  /** 0 picks a free port. */
  readonly port?: number
  /** Defaults to loopback; a deployed relay sets `0.0.0.0` (behind a TLS proxy). */
  readonly host?: string
  readonly retentionMs?: number
  readonly pruneIntervalMs?: number
  readonly heartbeatMs?: number
  /** Replaces the SQLite event store (the relay closes it on `close`). */
  readonly store?: EventStore
  readonly now?: () => number
}

export interface RunningRelay {
  /** e.g. `http://127.0.0.1:8787` */
  readonly url: string
  readonly port: number
  readonly metrics: RelayMetrics
  /** Runs one prune pass now; resolves to how many events went. */
  prune(): Promise<number>
  close(): Promise<void>
}

export async function startRelay(options: RelayOptions): Promise<RunningRelay> {
  if (options.webhookSecret.length < MIN_SECRET_LENGTH) {
    throw new Error(`webhookSecret must have at least ${MIN_SECRET_LENGTH} characters`)
  }
  mkdirSync(options.dataDir, { recursive: true })
  const now = options.now ?? Date.now
  const retentionMs = options.retentionMs ?? DEFAULT_RETENTION_MS
  const store = options.store ?? openSqliteEventStore(options.dataDir)
  const tokens = openTokenStore(options.dataDir)
  const metrics = new RelayMetrics()
  const hub = new SseHub({
    store,
    tokens,
    metrics,
    heartbeatMs: options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS,
  })
  const commits = createGroupCommit(store, (events, nanos) => {
    metrics.recordCommit(nanos)
    hub.publish(events)
  })
  const secretDigest = digest(options.webhookSecret)
  const server = createRelayServer({
    intake: {
      secretDigest,
      secretInJson: JSON.stringify(options.webhookSecret).slice(1, -1),
      commits,
      metrics,
      now,
    },
    hub,
    store,
    metrics,
    now,
  })

  const prune = (): Promise<number> => store.pruneBefore(now() - retentionMs)
  await prune()
  const pruner = setInterval(
    () => {
      prune().catch((error: unknown) => console.error('relay: prune failed', error))
    },
    options.pruneIntervalMs ?? Math.min(60_000, retentionMs / 4),
  )
  pruner.unref()

  const host = options.host ?? '127.0.0.1'
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, host, () => resolve())
  })
  const { port } = server.address() as AddressInfo
  const urlHost = host.includes(':') ? `[${host}]` : host
  return {
    url: `http://${urlHost}:${port}`,
    port,
    metrics,
    prune,
    async close() {
      clearInterval(pruner)
      hub.close()
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
      await commits.drain()
      await store.close()
      tokens.close()
      metrics.close()
    },
  }
}
