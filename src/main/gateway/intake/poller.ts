import type { Alert, Incident } from '../../../shared/domain'
import { systemClock, type Clock } from '../governor'
import {
  ProviderError,
  type FeedItem,
  type Page,
  type Provider,
  type ProviderFeed,
} from '../provider/provider'

/** Highest `updatedAt` (epoch ms) seen for alerts and for incidents. */
export interface PollWatermark {
  readonly alerts: number
  readonly incidents: number
}

export type PolledChange =
  | {
      readonly kind: 'alert'
      readonly alert: FeedItem<Alert>
      readonly watermark: PollWatermark
    }
  | {
      readonly kind: 'incident'
      readonly incident: FeedItem<Incident>
      readonly watermark: PollWatermark
    }

export type PollOutcome = { readonly ok: true } | { readonly ok: false; readonly error: unknown }

export interface PollerOptions {
  /** Reads through the workspace's provider (which runs them through its governor). */
  readonly provider: Pick<Provider, 'feed'>
  /** Resume from here; default: now (reconciliation supplies what is open already). */
  readonly since?: PollWatermark
  readonly intervalMs: number
  /**
   * Re-list this far behind the watermark each cycle: Opsgenie's search index can show an
   * update a moment after a later one. Repeats inside the window are dropped by id + updatedAt.
   */
  readonly overlapMs?: number
  readonly pageLimit?: number
  readonly clock?: Clock
  onChange(change: PolledChange): void
  onCycle?(outcome: PollOutcome): void
}

export interface Poller {
  start(): void
  stop(): Promise<void>
  /** Polls now (coalesced with a cycle already running), then keeps the interval. */
  pollNow(): Promise<void>
  watermark(): PollWatermark
}

export const timeOf = (iso: string | undefined): number | undefined => {
  const ms = iso === undefined ? NaN : Date.parse(iso)
  return Number.isNaN(ms) ? undefined : ms
}

/** Follows a feed listing's `next` cursor to its end, one page at a time. */
export async function* pages<T>(
  read: (cursor: string | undefined) => Promise<Page<T>>,
): AsyncGenerator<T[]> {
  let cursor: string | undefined
  do {
    const page = await read(cursor)
    yield page.items
    cursor = page.next
  } while (cursor !== undefined)
}

const refusedForGood = (error: unknown): boolean =>
  error instanceof ProviderError &&
  error.failure.kind === 'refused' &&
  (error.failure.reason === 'plan' || error.failure.reason === 'wrong-key')

/** Intake without a relay: lists alerts and incidents changed since the watermark. */
export function createPoller(options: PollerOptions): Poller {
  if (!(options.intervalMs > 0))
    throw new RangeError(
      `poll intervalMs must be a positive number of ms, got ${options.intervalMs}`,
    )
  const clock = options.clock ?? systemClock
  const overlapMs = options.overlapMs ?? 2_000
  const limit = options.pageLimit ?? 100
  const now = Math.floor(clock.now())
  let mark: PollWatermark = options.since ?? { alerts: now, incidents: now }
  const seen = { alerts: new Map<string, number>(), incidents: new Map<string, number>() }
  const aborter = new AbortController()
  const feed: ProviderFeed = options.provider.feed
  const read = { limit, signal: aborter.signal }
  let incidentsAvailable = true
  let cycle: Promise<void> | undefined
  let cancelTimer: (() => void) | undefined
  let stopped = false

  /** True when the item is new or changed since it was last emitted. */
  const fresh = (map: Map<string, number>, id: string, at: number): boolean => {
    if (map.get(id) === at) return false
    map.set(id, at)
    return true
  }
  const forget = (map: Map<string, number>, before: number): void => {
    for (const [id, at] of map) if (at < before) map.delete(id)
  }

  const pollAlerts = async (): Promise<void> => {
    const since = Math.max(0, mark.alerts - overlapMs)
    for await (const page of pages((cursor) => feed.changedAlerts(since, cursor, read))) {
      for (const alert of page) {
        const at = timeOf(alert.updatedAt)
        if (stopped || at === undefined || !fresh(seen.alerts, alert.id, at)) continue
        mark = { ...mark, alerts: Math.max(mark.alerts, at) }
        options.onChange({ kind: 'alert', alert, watermark: mark })
      }
    }
    forget(seen.alerts, mark.alerts - overlapMs)
  }

  /** The incident list cannot sort by updatedAt: collect the (few) changed ones, then sort. */
  const pollIncidents = async (): Promise<void> => {
    const changed: FeedItem<Incident>[] = []
    const since = Math.max(0, mark.incidents - overlapMs)
    for await (const page of pages((cursor) => feed.changedIncidents(since, cursor, read)))
      changed.push(...page)
    const withTime = changed.flatMap((incident) => {
      const at = timeOf(incident.updatedAt)
      return at === undefined ? [] : [{ incident, at }]
    })
    for (const { incident, at } of withTime.sort((a, b) => a.at - b.at)) {
      if (stopped || !fresh(seen.incidents, incident.id, at)) continue
      mark = { ...mark, incidents: Math.max(mark.incidents, at) }
      options.onChange({ kind: 'incident', incident, watermark: mark })
    }
    forget(seen.incidents, mark.incidents - overlapMs)
  }

  const runCycle = async (): Promise<void> => {
    try {
      await pollAlerts()
      if (incidentsAvailable) {
        try {
          await pollIncidents()
        } catch (error) {
          // No Incident API on this plan or for this key: alerts alone are still worth polling.
          if (refusedForGood(error)) incidentsAvailable = false
          else throw error
        }
      }
      if (!stopped) options.onCycle?.({ ok: true })
    } catch (error) {
      if (!stopped) options.onCycle?.({ ok: false, error })
    }
  }

  const schedule = (): void => {
    cancelTimer?.()
    if (stopped) return
    cancelTimer = clock.setTimeout(() => void pollNow(), options.intervalMs)
  }

  const pollNow = (): Promise<void> => {
    if (stopped) return Promise.resolve()
    cycle ??= runCycle().finally(() => {
      cycle = undefined
      schedule()
    })
    return cycle
  }

  return {
    start: () => void pollNow(),
    async stop() {
      stopped = true
      cancelTimer?.()
      aborter.abort(new Error('poller stopped'))
      await cycle
    },
    pollNow,
    watermark: () => mark,
  }
}
