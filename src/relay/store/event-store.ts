/**
 * Where the relay keeps webhook events. SQLite is the embedded default; a team that runs several
 * relay instances swaps in a distributed engine (Redis Streams is the planned one) behind this
 * same interface, so every method is async even though SQLite answers synchronously.
 */
export interface NewEvent {
  /** Epoch milliseconds when the relay received the webhook. */
  readonly receivedAt: number
  readonly action: string
  readonly alertId: string
  readonly dedupKey: string
  /** The webhook body exactly as received. */
  readonly payload: string
}

export interface StoredEvent extends NewEvent {
  /** Monotonically increasing, never reused, also across restarts and pruning. */
  readonly id: number
  /** True when an earlier event with the same `dedupKey` was stored. */
  readonly repeat: boolean
}

export interface EventStore {
  /** Stores the batch atomically; resolves only once it is durable, ids in input order. */
  append(events: readonly NewEvent[]): Promise<StoredEvent[]>
  /** Events with id > `afterId`, oldest first, at most `limit`. */
  readAfter(afterId: number, limit: number): Promise<StoredEvent[]>
  /**
   * Applies the retention policy, oldest events first, and gives the freed space back to the file
   * system where the engine allows; resolves to how many events went. Whatever goes moves
   * `prunedThroughId`, so a desktop that falls behind gets `reset` instead of a silent gap.
   */
  prune(policy: RetentionPolicy): Promise<number>
  /** Bytes the retained events take, in the engine's own measure: what `maxBytes` caps. */
  size(): Promise<number>
  window(): Promise<RetentionWindow>
  close(): Promise<void>
}

export interface RetentionPolicy {
  /** Events received before this (epoch ms) go. */
  readonly before: number
  /** Then the oldest go until `size()` is at most this; a disk must not fill up in a storm. */
  readonly maxBytes?: number
}

export interface RetentionWindow {
  /** Highest id ever assigned (0 when none). */
  readonly latestId: number
  /** Highest id removed by pruning (0 when none): a cursor below it has missed events. */
  readonly prunedThroughId: number
  /** `receivedAt` of the oldest retained event, if any. */
  readonly oldestReceivedAt: number | undefined
}

/**
 * The store cannot be reached right now (a Redis restart, a network cut). The relay answers `503`
 * for it, never a hanging request or a 500: the caller retries, and nothing was promised.
 */
export class StoreUnavailableError extends Error {
  override readonly name = 'StoreUnavailableError'
}
