import { systemClock, type Clock, type Governor } from '../governor'
import {
  isOpsgenieError,
  type BaseAlert,
  type IncidentRecord,
  type OpsgenieClient,
} from '../opsgenie'
import { alertsByKeyset, syncLister, timeOf, type SyncLister } from './governed'

/** Highest `updatedAt` (epoch ms) seen for alerts and for incidents. */
export interface PollWatermark {
  readonly alerts: number
  readonly incidents: number
}

export type PolledChange =
  | { readonly kind: 'alert'; readonly alert: BaseAlert; readonly watermark: PollWatermark }
  | {
      readonly kind: 'incident'
      readonly incident: IncidentRecord
      readonly watermark: PollWatermark
    }

export type PollOutcome = { readonly ok: true } | { readonly ok: false; readonly error: unknown }

export interface PollerOptions {
  readonly client: OpsgenieClient
  readonly governor: Governor
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
  const lister: SyncLister = syncLister(options.client, options.governor, aborter.signal)
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
    for await (const page of alertsByKeyset(
      lister,
      '',
      'updatedAt',
      Math.max(0, mark.alerts - overlapMs),
      limit,
    )) {
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
    const changed: IncidentRecord[] = []
    const query = `updatedAt>=${Math.max(0, mark.incidents - overlapMs)}`
    for (let offset = 0; ; offset += limit) {
      const page = await lister.incidents(query, offset, limit)
      changed.push(...page)
      if (page.length < limit || offset + 2 * limit > 10_000) break
    }
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
          if (isOpsgenieError(error, 'plan') || isOpsgenieError(error, 'wrong-key'))
            incidentsAvailable = false
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
