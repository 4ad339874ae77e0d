import type { EventStore, NewEvent, StoredEvent } from './store/event-store.js'

interface Pending {
  readonly event: NewEvent
  readonly resolve: (stored: StoredEvent) => void
  readonly reject: (error: unknown) => void
}

export interface GroupCommit {
  /** Resolves once the event's batch is durable; that is when the webhook may get its 2xx. */
  submit(event: NewEvent): Promise<StoredEvent>
  /** Waits for everything submitted so far. */
  drain(): Promise<void>
}

/**
 * Group commit: webhooks that arrive while a commit is being prepared or is in flight share the
 * next transaction, so one fsync covers many of them. The batch closes at `setImmediate`, after
 * the event loop has read every request already waiting on the sockets; no timer is added, so a
 * lone webhook is not delayed.
 */
export function createGroupCommit(
  store: EventStore,
  /** `nanos`: how long the store took to make the batch durable. */
  onCommitted: (events: readonly StoredEvent[], nanos: number) => void,
  maxBatch = 1000,
): GroupCommit {
  let pending: Pending[] = []
  let busy = false
  let idle: Promise<void> = Promise.resolve()
  let markIdle: () => void = () => undefined

  const schedule = (): void => {
    if (busy) return
    busy = true
    idle = new Promise((resolve) => (markIdle = resolve))
    setImmediate(() => void flush())
  }

  const flush = async (): Promise<void> => {
    const batch = pending.slice(0, maxBatch)
    pending = pending.slice(batch.length)
    try {
      const started = process.hrtime.bigint()
      const stored = await store.append(batch.map((p) => p.event))
      const nanos = Number(process.hrtime.bigint() - started)
      stored.forEach((s, i) => batch[i]?.resolve(s))
      onCommitted(stored, nanos)
    } catch (error) {
      for (const p of batch) p.reject(error)
    }
    if (pending.length > 0) {
      setImmediate(() => void flush())
    } else {
      busy = false
      markIdle()
    }
  }

  return {
    submit: (event) =>
      new Promise<StoredEvent>((resolve, reject) => {
        pending.push({ event, resolve, reject })
        schedule()
      }),
    drain: () => idle,
  }
}
