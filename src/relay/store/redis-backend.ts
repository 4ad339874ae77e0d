import { ConfigError } from '../config.js'
import type { TokenStore } from '../token-store.js'
import type { EventStore, StoredEvent } from './event-store.js'
import { connectRedis, redactUrl, type RedisTarget } from './redis-connection.js'
import { durabilityProblem } from './redis-durability.js'
import { openRedisEventStore, redisKeys } from './redis-store.js'
import { startStreamTail, type StreamTail } from './redis-tail.js'
import { openRedisTokenStore } from './redis-tokens.js'

export interface RedisStoreConfig extends RedisTarget {
  /**
   * Start even when Redis cannot promise that an acknowledged webhook survives a crash
   * (`--accept-volatile-store`): no AOF fsync on every write, or settings the relay cannot read.
   */
  readonly acceptVolatileStore?: boolean
}

/** What several relay instances share through one Redis. */
export interface RedisBackend {
  readonly store: EventStore
  readonly tokens: TokenStore
  /**
   * Feeds `publish` with every event any instance stores, after `fromId`, in id order; `lost`
   * when Redis came back without them.
   */
  tail(
    fromId: number,
    publish: (events: readonly StoredEvent[]) => void,
    lost: (latestId: number) => void,
  ): Promise<StreamTail>
}

/**
 * Connects and checks durability before anything is served: a relay that answers 2xx promises
 * the event is safe, so it refuses (exit 2) a Redis that cannot keep that promise unless the
 * operator accepted it, and then says so on every start.
 */
export async function openRedisBackend(
  config: RedisStoreConfig,
  retentionMs: number,
): Promise<RedisBackend> {
  const redis = await connectRedis(config)
  const problem = await durabilityProblem(redis)
  if (problem !== undefined) {
    const where = `Redis at ${redactUrl(config.url)}`
    if (config.acceptVolatileStore !== true) {
      await redis.close()
      throw new ConfigError(
        `${where} ${problem}. A webhook answered 2xx could be lost; fix the setting, or pass --accept-volatile-store to run anyway (see docs/relay.md, "Redis")`,
      )
    }
    console.warn(`relay: ${where} ${problem}; running anyway (--accept-volatile-store)`)
  }
  const keys = redisKeys()
  return {
    store: openRedisEventStore(redis, { retentionMs, keys }),
    tokens: openRedisTokenStore(redis, keys),
    async tail(fromId, publish, lost) {
      const target = { stream: keys.events, seq: keys.seq, publish, lost }
      return startStreamTail(await redis.duplicate(), target, fromId)
    },
  }
}

/** For `relay token ... --store`: tokens only, no durability check (tokens are not webhooks). */
export async function openRedisTokens(config: RedisTarget): Promise<TokenStore> {
  return openRedisTokenStore(await connectRedis(config, 'cli'))
}
