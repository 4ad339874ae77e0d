import { createHash } from 'node:crypto'
import { ErrorReply } from 'redis'
import type { EventStore, RetentionWindow, StoredEvent } from './event-store.js'
import type { RedisConnection } from './redis-connection.js'
import { APPEND, PRUNE } from './redis-scripts.js'

/** Entries one PRUNE call may look at: Redis is single-threaded, so each call stays short. */
const PRUNE_BATCH = 64

/** The keys one relay deployment uses; the hash tag keeps them in one slot. */
export interface RedisKeys {
  readonly seq: string
  readonly events: string
  readonly bytes: string
  readonly pruned: string
  readonly dedupPrefix: string
  readonly tokens: string
  readonly tokensRevision: string
}

export function redisKeys(prefix = '{ondeck-relay}:'): RedisKeys {
  return {
    seq: `${prefix}seq`,
    events: `${prefix}events`,
    bytes: `${prefix}bytes`,
    pruned: `${prefix}pruned`,
    dedupPrefix: `${prefix}dedup:`,
    tokens: `${prefix}tokens`,
    tokensRevision: `${prefix}tokens-revision`,
  }
}

/** A stream entry as RESP2 returns it: id, then field names and values alternating. */
export type StreamEntry = [string, string[]]

export interface RedisStoreOptions {
  /** Dedup keys expire with the retention period, as events do. */
  readonly retentionMs: number
  readonly keys?: RedisKeys
}

/**
 * The event store on Redis Streams, shared by every relay instance. Event `n` is stream entry
 * `n-0`; APPEND takes ids from a counter and adds the entries in one script, so ids are
 * integers, never reused, and in stream order on every instance. A batch is answered only after
 * Redis replied, which with `appendfsync always` means after the AOF was fsynced (see
 * `checkDurability`).
 */
export function openRedisEventStore(
  redis: RedisConnection,
  options: RedisStoreOptions,
): EventStore {
  const keys = options.keys ?? redisKeys()
  const script = scriptRunner(redis)

  return {
    async append(events) {
      if (events.length === 0) return []
      const args = events.flatMap((e) => [
        String(e.receivedAt),
        e.action,
        e.alertId,
        e.dedupKey,
        e.payload,
        createHash('sha256').update(e.dedupKey).digest('hex'),
      ])
      const reply = await script<number[]>(
        APPEND,
        [keys.seq, keys.events, keys.bytes],
        [keys.dedupPrefix, String(options.retentionMs), ...args],
      )
      return events.map((e, i) => ({
        ...e,
        id: Number(reply[2 * i]),
        repeat: reply[2 * i + 1] === 1,
      }))
    },
    async readAfter(afterId, limit) {
      const entries = await redis.send<StreamEntry[]>([
        'XRANGE',
        keys.events,
        `(${afterId}-0`,
        '+',
        'COUNT',
        String(limit),
      ])
      return entries.map(fromEntry)
    },
    async prune({ before, maxBytes }) {
      let removed = 0
      for (;;) {
        const n = await script<number>(
          PRUNE,
          [keys.events, keys.bytes, keys.pruned],
          [String(before), String(maxBytes ?? -1), String(PRUNE_BATCH)],
        )
        removed += n
        if (n < PRUNE_BATCH) return removed
      }
    },
    size: async () => Number((await redis.send<string | null>(['GET', keys.bytes])) ?? 0),
    async window(): Promise<RetentionWindow> {
      const [latest, pruned, oldest] = await Promise.all([
        redis.send<string | null>(['GET', keys.seq]),
        redis.send<string | null>(['GET', keys.pruned]),
        redis.send<StreamEntry[]>(['XRANGE', keys.events, '-', '+', 'COUNT', '1']),
      ])
      const first = oldest[0]
      return {
        latestId: Number(latest ?? 0),
        prunedThroughId: Number(pruned ?? 0),
        oldestReceivedAt: first === undefined ? undefined : fromEntry(first).receivedAt,
      }
    },
    close: () => redis.close(),
  }
}

export function fromEntry([streamId, flat]: StreamEntry): StoredEvent {
  const fields = new Map<string, string>()
  for (let i = 0; i + 1 < flat.length; i += 2) fields.set(flat[i] ?? '', flat[i + 1] ?? '')
  const text = (name: string): string => fields.get(name) ?? ''
  return {
    id: Number(streamId.slice(0, streamId.indexOf('-'))),
    receivedAt: Number(text('r')),
    action: text('a'),
    alertId: text('i'),
    dedupKey: text('k'),
    repeat: text('p') === '1',
    payload: text('d'),
  }
}

/** EVALSHA, falling back to EVAL when Redis lost its script cache (a restart, SCRIPT FLUSH). */
function scriptRunner(
  redis: RedisConnection,
): <T>(source: string, keys: readonly string[], args: readonly string[]) => Promise<T> {
  const shas = new Map<string, string>()
  return async <T>(source: string, keys: readonly string[], args: readonly string[]) => {
    let sha = shas.get(source)
    if (sha === undefined) {
      sha = createHash('sha1').update(source).digest('hex')
      shas.set(source, sha)
    }
    const tail = [String(keys.length), ...keys, ...args]
    try {
      return await redis.send<T>(['EVALSHA', sha, ...tail])
    } catch (error) {
      if (!(error instanceof ErrorReply) || !error.message.startsWith('NOSCRIPT')) throw error
      return redis.send<T>(['EVAL', source, ...tail])
    }
  }
}
