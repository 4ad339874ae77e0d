import { systemClock, type Clock, type Governor } from '../governor'
import type { BaseAlert, OpsgenieClient } from '../opsgenie'
import { alertsByKeyset, syncLister } from './governed'

export const RECONCILE_INTERVAL_MS = 5 * 60_000

/** Every open alert at one moment: what a lost webhook may have left wrong, corrected. */
export interface OpenAlertsSnapshot {
  /** Distinguishes runs, so the renderer can tell which `reconcile` events belong together. */
  readonly reconcileId: string
  /** When listing began: cached alerts updated after this are newer than the snapshot. */
  readonly startedAt: number
  readonly alerts: readonly BaseAlert[]
}

export interface ReconcilerOptions {
  readonly client: OpsgenieClient
  readonly governor: Governor
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
  const lister = syncLister(options.client, options.governor, aborter.signal)
  let running: Promise<void> | undefined
  let again = false
  let stopped = false
  let cancelTimer: (() => void) | undefined
  let runs = 0

  const once = async (): Promise<void> => {
    const startedAt = clock.now()
    const byId = new Map<string, BaseAlert>()
    try {
      for await (const page of alertsByKeyset(
        lister,
        'status:open',
        'createdAt',
        0,
        options.pageLimit,
      )) {
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
