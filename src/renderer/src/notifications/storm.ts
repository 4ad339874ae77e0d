import type { Priority } from '../../../shared/domain'

export const STORM_WINDOW_MS = 60_000

export interface StormSummary {
  readonly total: number
  readonly byPriority: Readonly<Partial<Record<Priority, number>>>
  readonly urgent: boolean
}

export type Admission =
  | { readonly kind: 'single' }
  /** Show (or replace) the one summary notification. */
  | { readonly kind: 'summary'; readonly summary: StormSummary }
  /** Counted into the summary; the next `flush` shows it. */
  | { readonly kind: 'held' }

export interface StormControl {
  admit(priority: Priority, urgent: boolean, now: number): Admission
  /** The pending summary when one is due, for a timer to show the held arrivals. */
  flush(now: number): StormSummary | undefined
  inStorm(now: number): boolean
}

/**
 * A sliding one-minute window over notification-worthy arrivals. Past the threshold every
 * arrival goes into one summary instead of its own notification; the summary is re-shown at
 * most every `summaryEveryMs` so a storm does not replace it (and re-sound it) dozens of times.
 * The storm ends when the window again holds no more than the threshold.
 */
export function createStormControl(threshold: number, summaryEveryMs = 10_000): StormControl {
  let arrivals: { at: number; priority: Priority; urgent: boolean }[] = []
  let batch: { priority: Priority; urgent: boolean }[] = []
  let lastShownAt = Number.NEGATIVE_INFINITY
  let dirty = false

  const prune = (now: number): void => {
    arrivals = arrivals.filter((arrival) => now - arrival.at < STORM_WINDOW_MS)
  }
  const summarize = (): StormSummary => {
    const byPriority: Partial<Record<Priority, number>> = {}
    for (const item of batch) byPriority[item.priority] = (byPriority[item.priority] ?? 0) + 1
    return { total: batch.length, byPriority, urgent: batch.some((item) => item.urgent) }
  }
  const show = (now: number): StormSummary => {
    lastShownAt = now
    dirty = false
    return summarize()
  }

  return {
    admit(priority, urgent, now) {
      prune(now)
      const wasInStorm = arrivals.length > threshold
      arrivals.push({ at: now, priority, urgent })
      if (arrivals.length <= threshold) {
        batch = []
        dirty = false
        return { kind: 'single' }
      }
      if (wasInStorm) {
        batch.push({ priority, urgent })
      } else {
        // A new storm's summary counts the arrivals already shown in this window too.
        batch = arrivals.map((arrival) => ({ priority: arrival.priority, urgent: arrival.urgent }))
        lastShownAt = Number.NEGATIVE_INFINITY
      }
      dirty = true
      if (now - lastShownAt >= summaryEveryMs) return { kind: 'summary', summary: show(now) }
      return { kind: 'held' }
    },
    flush(now) {
      if (!dirty) return undefined
      return show(now)
    },
    inStorm(now) {
      prune(now)
      return arrivals.length > threshold
    },
  }
}

/** "12 new alerts (3 P1)": the P-counts of ringing priorities matter most, so they are named. */
export function summaryTitle(summary: StormSummary, named: readonly Priority[] = ['P1']): string {
  const parts = named
    .filter((priority) => (summary.byPriority[priority] ?? 0) > 0)
    .map((priority) => `${summary.byPriority[priority] ?? 0} ${priority}`)
  const head = `${summary.total} new alert${summary.total === 1 ? '' : 's'}`
  return parts.length === 0 ? head : `${head} (${parts.join(', ')})`
}
