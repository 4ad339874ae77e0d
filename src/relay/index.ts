import { ensurePrivateDir } from './private-files.js'
import {
  startRelayOn,
  type RelayBackend,
  type RelayServeOptions,
  type RunningRelay,
} from './relay.js'
import type { EventStore } from './store/event-store.js'
import { openRedisBackend, type RedisStoreConfig } from './store/redis-backend.js'
import { openSqliteEventStore } from './store/sqlite-store.js'
import { openTokenStore } from './tokens.js'

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
export {
  DEFAULT_HEARTBEAT_MS,
  DEFAULT_RETENTION_MS,
  INTAKE_HEADROOM_CONNECTIONS,
  type RelayBackend,
  type RelayServeOptions,
  type RunningRelay,
} from './relay.js'

/** `relay serve`: the relay on SQLite in `dataDir` (the embedded default) or on shared Redis. */
export interface RelayOptions extends RelayServeOptions {
  /**
   * Folder for `events.sqlite` and `tokens.sqlite`; created if missing, owner-only (0700).
   * Required unless `redis` is given.
   */
  readonly dataDir?: string
  /** Events and tokens in Redis instead, shared by every instance pointed at it (`--store`). */
  readonly redis?: RedisStoreConfig
  /** Replaces the SQLite event store (the relay closes it on `close`). */
  readonly store?: EventStore
}

export function startRelay(options: RelayOptions): Promise<RunningRelay> {
  return startRelayOn((retentionMs) => openBackend(options, retentionMs), options)
}

/** SQLite files in `dataDir` (the embedded default), or Redis shared by several instances. */
async function openBackend(options: RelayOptions, retentionMs: number): Promise<RelayBackend> {
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
