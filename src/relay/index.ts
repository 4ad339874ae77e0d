import type { AddressInfo } from 'node:net'
import { createGroupCommit } from './group-commit.js'
import { RelayMetrics } from './metrics.js'
import { createRelayServer } from './server.js'
import { startSlackCommands, type SlackOptions } from './slack/index.js'
import { SseHub } from './sse.js'
import type { EventStore } from './store/event-store.js'
import { openSqliteEventStore } from './store/sqlite-store.js'
import {
  DEFAULT_MAX_STREAMS,
  DEFAULT_MAX_STREAMS_PER_TOKEN,
  DEFAULT_RETENTION_MAX_BYTES,
  MIN_SECRET_LENGTH,
} from './config.js'
import { ensurePrivateDir } from './private-files.js'
import { digest, openTokenStore, type TokenStore } from './tokens.js'
import {
  openRedisBackend,
  type RedisBackend,
  type RedisStoreConfig,
} from './store/redis-backend.js'

export type {
  EventStore,
  NewEvent,
  StoredEvent,
  RetentionPolicy,
  RetentionWindow,
} from './store/event-store.js'
export { openSqliteEventStore } from './store/sqlite-store.js'
export {
  openTokenStore,
  type TokenStore,
  type SqliteTokenStore,
  type DeviceToken,
} from './tokens.js'
export { StoreUnavailableError } from './store/event-store.js'
export type { RedisStoreConfig } from './store/redis-backend.js'
export { WEBHOOK_SECRET_HEADER, MAX_BODY_BYTES } from './webhook-intake.js'
export { checkWebhookBody, type WebhookSummary } from './payload.js'

export const DEFAULT_RETENTION_MS = 72 * 3600 * 1000
export const DEFAULT_HEARTBEAT_MS = 15_000
/** Connections beyond the stream cap, kept for webhook intake, health checks and metrics. */
export const INTAKE_HEADROOM_CONNECTIONS = 64

export interface RelayOptions {
  /**
   * Folder for `events.sqlite` and `tokens.sqlite`; created if missing, owner-only (0700).
   * Required unless `redis` is given.
   */
  readonly dataDir?: string
  /** Events and tokens in Redis instead, shared by every instance pointed at it (`--store`). */
  readonly redis?: RedisStoreConfig
  readonly webhookSecret: string
  /** 0 picks a free port. */
  readonly port?: number
  /** Defaults to loopback; a deployed relay sets `0.0.0.0` (behind a TLS proxy). */
  readonly host?: string
  readonly retentionMs?: number
  /** Past this the oldest events go even inside `retentionMs`; see `EventStore.size`. */
  readonly retentionMaxBytes?: number
  readonly pruneIntervalMs?: number
  readonly heartbeatMs?: number
  /** Open SSE streams in total (503 past it) and per device token (429 past it). */
  readonly maxStreams?: number
  readonly maxStreamsPerToken?: number
  /** How soon a token revoked by the CLI (another process) loses its open streams. */
  readonly revocationCheckMs?: number
  /** Replaces the SQLite event store (the relay closes it on `close`). */
  readonly store?: EventStore
  readonly now?: () => number
  /** Paging from Slack: `POST /slack/commands` (docs/relay.md, "Paging from Slack"). */
  readonly slack?: SlackOptions
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
  const now = options.now ?? Date.now
  const retentionMs = options.retentionMs ?? DEFAULT_RETENTION_MS
  const maxBytes = options.retentionMaxBytes ?? DEFAULT_RETENTION_MAX_BYTES
  const maxStreams = options.maxStreams ?? DEFAULT_MAX_STREAMS
  // First, so a refused Opsgenie key stops the start before any store is opened.
  const slack =
    options.slack === undefined ? undefined : await startSlackCommands(options.slack, now)
  const backend = await openBackend(options, retentionMs)
  const { store, tokens } = backend
  const metrics = new RelayMetrics()
  const hub = new SseHub({
    store,
    tokens,
    metrics,
    heartbeatMs: options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS,
    maxStreams,
    maxStreamsPerToken: options.maxStreamsPerToken ?? DEFAULT_MAX_STREAMS_PER_TOKEN,
    revocationCheckMs: options.revocationCheckMs ?? 500,
  })
  const commits = createGroupCommit(store, (events, nanos) => {
    metrics.recordCommit(nanos)
    // With Redis every event, this instance's included, reaches the hub through the tail.
    if (backend.tail === undefined) hub.publish(events)
  })
  const tail = await backend.tail?.(
    (await store.window()).latestId,
    (events) => hub.publish(events),
    (latestId) => hub.restartAll(latestId),
  )
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
    ...(slack === undefined ? {} : { slack: slack.handler }),
  })
  // Past this the kernel's accepted sockets are closed at once; the streams can never take the
  // headroom, so Opsgenie's webhooks still get a connection when every stream slot is in use.
  server.maxConnections = maxStreams + INTAKE_HEADROOM_CONNECTIONS

  const prune = async (): Promise<number> => {
    const before = now() - retentionMs
    const byAge = await store.prune({ before })
    const bySize = await store.prune({ before, maxBytes })
    if (bySize > 0) {
      console.warn(
        `relay: the store reached its size cap (${maxBytes} bytes): ${bySize} events younger than the retention period were pruned`,
      )
    }
    return byAge + bySize
  }
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
      slack?.close()
      await tail?.stop()
      hub.close()
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
      await commits.drain()
      await store.close()
      await tokens.close()
      metrics.close()
    },
  }
}

interface Backend {
  readonly store: EventStore
  readonly tokens: TokenStore
  readonly tail?: RedisBackend['tail']
}

/** SQLite files in `dataDir` (the embedded default), or Redis shared by several instances. */
async function openBackend(options: RelayOptions, retentionMs: number): Promise<Backend> {
  if (options.redis !== undefined) {
    const redis = await openRedisBackend(options.redis, retentionMs)
    return { store: options.store ?? redis.store, tokens: redis.tokens, tail: redis.tail }
  }
  if (options.dataDir === undefined) throw new Error('startRelay needs dataDir or redis')
  ensurePrivateDir(options.dataDir)
  return {
    store: options.store ?? openSqliteEventStore(options.dataDir),
    tokens: openTokenStore(options.dataDir),
  }
}
