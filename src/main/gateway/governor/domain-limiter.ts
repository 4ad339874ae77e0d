import type { RateBudget } from '@shared/opsgenie/rate-domains'
import { RateBucket } from './rate-bucket'
import type { DomainState } from './state-schema'
import { REQUEST_PRIORITIES, type GovernorTuning, type RequestPriority } from './types'

export interface Waiter {
  readonly priority: RequestPriority
  admit(): void
  fail(error: Error): void
}

/**
 * One rate-limit domain: both windows, the throttle and one FIFO queue per priority. Pure
 * bookkeeping at a given `now`; the governor owns timers and promises.
 */
export class DomainLimiter {
  readonly perSecond: RateBucket
  readonly perMinute: RateBucket
  private readonly queues: Record<RequestPriority, Waiter[]> = {
    user: [],
    replay: [],
    sync: [],
    import: [],
  }
  lastReason: string | null = null
  lastThrottledAt: number | null = null
  lastSuccessAt: number | null = null

  constructor(
    budget: RateBudget,
    safetyMargin: number,
    private readonly tuning: GovernorTuning,
  ) {
    this.perSecond = new RateBucket(1, budget.perSecond, safetyMargin, tuning)
    this.perMinute = new RateBucket(60, budget.perMinute, safetyMargin, tuning)
  }

  setBudget(budget: RateBudget): void {
    this.perSecond.limit = budget.perSecond
    this.perMinute.limit = budget.perMinute
  }

  enqueue(waiter: Waiter): void {
    this.queues[waiter.priority].push(waiter)
  }

  remove(waiter: Waiter): boolean {
    const queue = this.queues[waiter.priority]
    const index = queue.indexOf(waiter)
    if (index < 0) return false
    queue.splice(index, 1)
    return true
  }

  /** The next waiter in strict priority order, FIFO within a priority. */
  head(): Waiter | undefined {
    for (const priority of REQUEST_PRIORITIES) {
      const first = this.queues[priority][0]
      if (first !== undefined) return first
    }
    return undefined
  }

  shift(waiter: Waiter): void {
    this.queues[waiter.priority].shift()
  }

  drain(): Waiter[] {
    return REQUEST_PRIORITIES.flatMap((p) => this.queues[p].splice(0))
  }

  /**
   * Earliest time a request of `priority` could go, given what is known at `now`: `now` when it
   * may go, otherwise the time to look again (a throttle ending, a token returning, or the rate
   * factor stepping up, whichever comes first).
   */
  admissibleAt(priority: RequestPriority, now: number): number {
    const throttledUntil = Math.max(this.perSecond.throttledUntil, this.perMinute.throttledUntil)
    if (throttledUntil > now) return throttledUntil
    const secondLimit = this.perSecond.effectiveLimit(now)
    const minuteLimit = this.perMinute.effectiveLimit(now)
    const reserve = Math.min(
      minuteLimit - 1,
      Math.floor(minuteLimit * this.tuning.reserve[priority] + 1e-9),
    )
    const tokenAt = Math.max(
      this.perSecond.window.availableAt(now, secondLimit - 1),
      this.perMinute.window.availableAt(now, minuteLimit - 1 - reserve),
    )
    if (tokenAt <= now) return now
    const recoveries = [this.perSecond.nextRecoveryAt(now), this.perMinute.nextRecoveryAt(now)]
    return Math.min(tokenAt, ...recoveries.filter((t): t is number => t !== null))
  }

  take(now: number): void {
    this.perSecond.window.record(now)
    this.perMinute.window.record(now)
  }

  /** Periods of 1 s or less trip the per-second bucket; anything longer the per-minute one. */
  throttle(now: number, periodMs: number, jitterMs: number, reason: string | undefined): void {
    const bucket = this.bucketFor(periodMs)
    // the response hook and `run` both report the same 429; a report whose period ends inside
    // the current throttle adds nothing, and must not draw a second, later jitter
    if (now + periodMs > bucket.throttledUntil) bucket.throttle(now, now + periodMs + jitterMs)
    this.lastReason = reason ?? 'unspecified'
    this.lastThrottledAt = now
  }

  /** Another client's load showed: ease the named window, or both when none is named. */
  ease(now: number, periodMs: number | undefined): void {
    const buckets =
      periodMs === undefined ? [this.perSecond, this.perMinute] : [this.bucketFor(periodMs)]
    for (const bucket of buckets) bucket.ease(now)
  }

  private bucketFor(periodMs: number): RateBucket {
    return periodMs <= 1000 ? this.perSecond : this.perMinute
  }

  snapshot(now: number): DomainState {
    const throttledUntil = Math.max(this.perSecond.throttledUntil, this.perMinute.throttledUntil)
    return {
      perSecond: this.perSecond.snapshot(now),
      perMinute: this.perMinute.snapshot(now),
      throttledUntil: throttledUntil > now ? throttledUntil : null,
      lastReason: this.lastReason,
      lastThrottledAt: this.lastThrottledAt,
      lastSuccessAt: this.lastSuccessAt,
      queued: {
        user: this.queues.user.length,
        replay: this.queues.replay.length,
        sync: this.queues.sync.length,
        import: this.queues.import.length,
      },
    }
  }
}
