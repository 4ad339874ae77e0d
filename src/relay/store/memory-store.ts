import {
  checkDeviceName,
  digest,
  matchDigest,
  newDeviceToken,
  type DeviceToken,
  type TokenStore,
} from '../token-store.js'
import type {
  EventStore,
  NewEvent,
  RetentionPolicy,
  RetentionWindow,
  StoredEvent,
} from './event-store.js'

/** Bytes an event is counted as: its text fields as UTF-16, plus a fixed overhead per event. */
const EVENT_OVERHEAD_BYTES = 64

function eventBytes(event: NewEvent): number {
  return (
    2 *
      (event.payload.length + event.action.length + event.alertId.length + event.dedupKey.length) +
    EVENT_OVERHEAD_BYTES
  )
}

/**
 * Events in process memory, for the Demo workspace's in-process relay: nothing outlives the
 * process and nothing native is loaded, so the desktop app ships no database module. Ids,
 * repeats and retention behave as in the durable stores (ids increase and are never reused,
 * pruning moves `prunedThroughId`), so desktops see the same stream either way.
 */
export function createMemoryEventStore(): EventStore {
  const events: StoredEvent[] = []
  /** Retained events per dedup key: a repeat is an event whose key is among them. */
  const retainedKeys = new Map<string, number>()
  let latestId = 0
  let prunedThroughId = 0
  let bytes = 0

  const dropOldest = (): void => {
    const oldest = events.shift()
    if (oldest === undefined) return
    prunedThroughId = oldest.id
    bytes -= eventBytes(oldest)
    const left = (retainedKeys.get(oldest.dedupKey) ?? 1) - 1
    if (left === 0) retainedKeys.delete(oldest.dedupKey)
    else retainedKeys.set(oldest.dedupKey, left)
  }

  return {
    async append(batch) {
      return batch.map((event) => {
        const repeat = retainedKeys.has(event.dedupKey)
        retainedKeys.set(event.dedupKey, (retainedKeys.get(event.dedupKey) ?? 0) + 1)
        bytes += eventBytes(event)
        const stored: StoredEvent = { ...event, id: ++latestId, repeat }
        events.push(stored)
        return stored
      })
    },
    async readAfter(afterId, limit) {
      const start = events.findIndex((e) => e.id > afterId)
      return start === -1 ? [] : events.slice(start, start + limit)
    },
    async prune(policy: RetentionPolicy) {
      const before = events.length
      while (events[0] !== undefined && events[0].receivedAt < policy.before) dropOldest()
      if (policy.maxBytes !== undefined) {
        while (events.length > 0 && bytes > policy.maxBytes) dropOldest()
      }
      return before - events.length
    },
    size: async () => bytes,
    window: async (): Promise<RetentionWindow> => ({
      latestId,
      prunedThroughId,
      oldestReceivedAt: events[0]?.receivedAt,
    }),
    close: async () => undefined,
  }
}

/** Answers synchronously, like the SQLite token store. */
export interface MemoryTokenStore extends TokenStore {
  create(name: string): string
}

/** Device tokens in process memory (digests only, as on disk), for the Demo workspace. */
export function createMemoryTokenStore(now: () => number = Date.now): MemoryTokenStore {
  const rows = new Map<
    string,
    { readonly name: string; readonly hash: Buffer; createdAt: string }
  >()
  let revision = 0
  return {
    create(name) {
      checkDeviceName(name)
      if (rows.has(name)) throw new Error(`a token named "${name}" already exists; revoke it first`)
      const token = newDeviceToken()
      rows.set(name, { name, hash: digest(token), createdAt: new Date(now()).toISOString() })
      revision++
      return token
    },
    list: (): DeviceToken[] =>
      [...rows.values()]
        .sort((a, b) => a.name.localeCompare(b.name))
        .map(({ name, createdAt }) => ({ name, createdAt })),
    revoke(name) {
      const removed = rows.delete(name)
      if (removed) revision++
      return removed
    },
    verify: (token) => matchDigest(token, rows.values()),
    revision: () => revision,
    close: () => undefined,
  }
}
