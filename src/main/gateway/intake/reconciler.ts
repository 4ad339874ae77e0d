import type { Alert } from '../../../shared/domain'
import { systemClock, type Clock } from '../governor'
import type { FeedItem, Provider } from '../provider/provider'
import { pages } from './poller'

export const RECONCILE_INTERVAL_MS = 5 * 60_000

/** Every open alert at one moment: what a lost webhook may have left wrong, corrected. */
export interface OpenAlertsSnapshot {
  /** Distinguishes runs, so the renderer can tell which `reconcile` events belong together. */
  readonly reconcileId: string
  /** When listing began: cached alerts updated after this are newer than the snapshot. */
  readonly startedAt: number
  readonly alerts: readonly FeedItem<Alert>[]
}

export interface ReconcilerOptions {
  /** Reads through the workspace's provider (which runs them through its governor). */
  readonly provider: Pick<Provider, 'feed'>
  readonly intervalMs?: number
  readonly pageLimit?: number
  readonly clock?: Clock
  onSnapshot(snapshot: OpenAlertsSnapshot): void
  onError?(error: unknown): void
}

export interface Reconciler {
  /** Runs now, then every `intervalMs`. */
  start(): void
  /** Runs now; a request during a run queues exactly one more run after it. */
  run(): Promise<void>
  stop(): Promise<void>
}

export function createReconciler(options: ReconcilerOptions): Reconciler {
  const clock = options.clock ?? systemClock
  const intervalMs = options.intervalMs ?? RECONCILE_INTERVAL_MS
  if (!(intervalMs > 0))
    throw new RangeError(`reconcile intervalMs must be a positive number of ms, got ${intervalMs}`)
  const aborter = new AbortController()
  const read = { limit: options.pageLimit, signal: aborter.signal }
  let running: Promise<void> | undefined
  let again = false
  let stopped = false
  let cancelTimer: (() => void) | undefined
  let runs = 0

  const once = async (): Promise<void> => {
    const startedAt = clock.now()
    const byId = new Map<string, FeedItem<Alert>>()
    try {
      for await (const page of pages((cursor) => options.provider.feed.openAlerts(cursor, read))) {
        for (const alert of page) byId.set(alert.id, alert)
      }
      runs += 1
      if (!stopped)
        options.onSnapshot({
          reconcileId: `${Math.floor(startedAt)}-${runs}`,
          startedAt,
          alerts: [...byId.values()],
        })
    } catch (error) {
      if (!stopped) options.onError?.(error)
    }
  }

  const schedule = (): void => {
    cancelTimer?.()
    if (!stopped) cancelTimer = clock.setTimeout(() => void run(), intervalMs)
  }

  const run = (): Promise<void> => {
    if (stopped) return Promise.resolve()
    if (running !== undefined) {
      again = true
      return running
    }
    running = (async () => {
      do {
        again = false
        await once()
      } while (again && !stopped)
    })().finally(() => {
      running = undefined
      schedule()
    })
    return running
  }

  return {
    start: () => void run(),
    run,
    async stop() {
      stopped = true
      cancelTimer?.()
      aborter.abort(new Error('reconciler stopped'))
      await running
    },
  }
}
