import type { AddressInfo } from 'node:net'
import {
  DEFAULT_MAX_STREAMS,
  DEFAULT_MAX_STREAMS_PER_TOKEN,
  DEFAULT_RETENTION_MAX_BYTES,
  MIN_SECRET_LENGTH,
} from './config.js'
import { createGroupCommit } from './group-commit.js'
import { RelayMetrics } from './metrics.js'
import { createRelayServer } from './server.js'
import { startSlackCommands, type SlackOptions } from './slack/index.js'
import { SseHub } from './sse.js'
import type { EventStore, StoredEvent } from './store/event-store.js'
import { digest, type TokenStore } from './token-store.js'

/**
 * Where a relay keeps its events and device tokens. The relay itself (this module) knows no
 * engine: `index.ts` opens SQLite or Redis for `relay serve`, `embedded.ts` memory for the Demo
 * workspace, so the desktop app never loads a native database module.
 */
export interface RelayBackend {
  readonly store: EventStore
  readonly tokens: TokenStore
  /**
   * Shared engines only (Redis): feeds `publish` with every event any instance stores after
   * `fromId`; `lost` when the engine came back without them. Absent, the relay publishes its own
   * commits.
   */
  readonly tail?: (
    fromId: number,
    publish: (events: readonly StoredEvent[]) => void,
    lost: (latestId: number) => void,
  ) => Promise<{ stop(): Promise<void> }>
}

export const DEFAULT_RETENTION_MS = 72 * 3600 * 1000
export const DEFAULT_HEARTBEAT_MS = 15_000
/** Connections beyond the stream cap, kept for webhook intake, health checks and metrics. */
export const INTAKE_HEADROOM_CONNECTIONS = 64

export interface RelayServeOptions {
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

export async function startRelayOn(
  openBackend: (retentionMs: number) => Promise<RelayBackend>,
  options: RelayServeOptions,
): Promise<RunningRelay> {
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
  const backend = await openBackend(retentionMs)
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
