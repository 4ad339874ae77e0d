import { RATE_DOMAINS, type RateDomain } from '@shared/opsgenie/rate-domains'
import { DEFAULT_BUDGETS, isRateDomain, validateBudgets } from './budgets'
import { systemClock } from './clock'
import { DomainLimiter, type Waiter } from './domain-limiter'
import { AcquireAbortedError, GovernorDisposedError } from './errors'
import type { GovernorState } from './state-schema'
import { checkSafetyMargin, DEFAULT_SAFETY_MARGIN, resolveTuning } from './tuning'
import {
  REQUEST_PRIORITIES,
  type Classify,
  type Governor,
  type GovernorOptions,
  type ObservedResponse,
  type RequestPriority,
  type SendResult,
  type Throttle,
} from './types'

/** One governor per workspace: Opsgenie's buckets are per account. */
export function createGovernor(options: GovernorOptions = {}): Governor {
  const clock = options.clock ?? systemClock
  const random = options.random ?? Math.random
  const margin = checkSafetyMargin(options.safetyMargin ?? DEFAULT_SAFETY_MARGIN)
  const tuning = resolveTuning(options.tuning)
  const initial = { ...DEFAULT_BUDGETS, ...validateBudgets(options.budgets ?? {}) }
  const limiters = Object.fromEntries(
    RATE_DOMAINS.map((d) => [d, new DomainLimiter(initial[d], margin, tuning)]),
  ) as Record<RateDomain, DomainLimiter>
  const wakeups = new Map<RateDomain, { at: number; cancel: () => void }>()
  const listeners = new Set<(state: GovernorState) => void>()
  let disposed = false
  let lastNow = -Infinity

  /** Clamped so an injected clock stepping back cannot reopen spent tokens. */
  const now = (): number => (lastNow = Math.max(lastNow, clock.now()))

  const state = (): GovernorState => {
    const at = now()
    const domains = Object.fromEntries(RATE_DOMAINS.map((d) => [d, limiters[d].snapshot(at)]))
    return { at, domains: domains as GovernorState['domains'] }
  }

  const notify = (): void => {
    if (listeners.size === 0) return
    const snapshot = state()
    for (const listener of [...listeners]) {
      try {
        listener(snapshot)
      } catch (error) {
        // a broken listener must not stall admissions, nor be silently lost
        queueMicrotask(() => {
          throw error
        })
      }
    }
  }

  /** Admits whatever may go now, in priority order, then sleeps until the next chance. */
  const pump = (domain: RateDomain): void => {
    const limiter = limiters[domain]
    for (;;) {
      const waiter = limiter.head()
      const t = now()
      if (waiter === undefined) return cancelWakeup(domain)
      const at = limiter.admissibleAt(waiter.priority, t)
      if (at > t) return scheduleWakeup(domain, at)
      limiter.shift(waiter)
      limiter.take(t)
      waiter.admit()
    }
  }

  const scheduleWakeup = (domain: RateDomain, at: number): void => {
    const existing = wakeups.get(domain)
    if (existing?.at === at) return
    existing?.cancel()
    // timers may fire a little early; pump then simply sleeps again
    const cancel = clock.setTimeout(
      () => {
        wakeups.delete(domain)
        pump(domain)
        notify()
      },
      Math.max(1, Math.ceil(at - now())),
    )
    wakeups.set(domain, { at, cancel })
  }

  const cancelWakeup = (domain: RateDomain): void => {
    wakeups.get(domain)?.cancel()
    wakeups.delete(domain)
  }

  const checkDomain = (domain: unknown): RateDomain => {
    if (!isRateDomain(domain)) {
      throw new TypeError(
        `rate governor: unknown domain ${JSON.stringify(domain)} (known: ${RATE_DOMAINS.join(', ')})`,
      )
    }
    return domain
  }

  const acquire = (
    domain: RateDomain,
    priority: RequestPriority,
    signal?: AbortSignal,
  ): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      checkDomain(domain)
      if (!(REQUEST_PRIORITIES as readonly unknown[]).includes(priority)) {
        throw new TypeError(
          `rate governor: unknown priority ${JSON.stringify(priority)} (known: ${REQUEST_PRIORITIES.join(', ')})`,
        )
      }
      if (disposed) throw new GovernorDisposedError(domain)
      if (signal?.aborted) throw new AcquireAbortedError(domain, priority, signal.reason)
      const onAbort = (): void => {
        if (!limiters[domain].remove(waiter)) return
        reject(new AcquireAbortedError(domain, priority, signal?.reason))
        pump(domain)
        notify()
      }
      const waiter: Waiter = {
        priority,
        admit: () => {
          signal?.removeEventListener('abort', onAbort)
          resolve()
        },
        fail: (error) => {
          signal?.removeEventListener('abort', onAbort)
          reject(error)
        },
      }
      signal?.addEventListener('abort', onAbort, { once: true })
      limiters[domain].enqueue(waiter)
      pump(domain)
      notify()
    })

  const reportThrottled = (domain: RateDomain, info: Throttle): void => {
    checkDomain(domain)
    const period = info?.periodSeconds
    if (typeof period !== 'number' || !Number.isFinite(period) || period <= 0) {
      throw new RangeError(
        `rate governor: periodSeconds for domain "${domain}" must be a positive number (got ${String(period)})`,
      )
    }
    if (disposed) return
    const periodMs = period * 1000
    const spread = Math.max(tuning.minJitterMs, periodMs * tuning.jitterRatio)
    const jitterMs = Math.min(Math.max(0, random()), 1) * spread
    limiters[domain].throttle(now(), periodMs, jitterMs, info.reason)
    pump(domain)
    notify()
  }

  const reportSuccess = (domain: RateDomain): void => {
    checkDomain(domain)
    if (disposed) return
    limiters[domain].lastSuccessAt = now()
    notify()
  }

  const observe = (response: ObservedResponse): void => {
    const domain = checkDomain(response.domain)
    if (disposed) return
    const { state: rateState, reason, periodSeconds } = response.rateLimit ?? {}
    const period =
      typeof periodSeconds === 'number' && Number.isFinite(periodSeconds) && periodSeconds > 0
        ? periodSeconds
        : undefined
    if (response.status === 429) {
      // no period header: wait the longer window, as every Opsgenie client does
      reportThrottled(domain, { periodSeconds: period ?? 60, ...(reason ? { reason } : {}) })
      return
    }
    if (!isPressure(rateState)) return
    limiters[domain].ease(now(), period === undefined ? undefined : period * 1000)
    pump(domain)
    notify()
  }

  return {
    acquire,
    reportThrottled,
    reportSuccess,
    observe,
    async run<T>(
      domain: RateDomain,
      priority: RequestPriority,
      send: () => Promise<T>,
      classify: Classify<T>,
      signal?: AbortSignal,
    ): Promise<T> {
      await acquire(domain, priority, signal)
      let result: SendResult<T>
      try {
        result = { ok: true, value: await send() }
      } catch (error) {
        result = { ok: false, error }
      }
      const verdict = classify(result)
      if (verdict.throttled !== undefined) reportThrottled(domain, verdict.throttled)
      else if (result.ok) reportSuccess(domain)
      if (result.ok) return result.value
      throw result.error
    },
    setBudgets(budgets) {
      const valid = validateBudgets(budgets)
      for (const [domain, budget] of Object.entries(valid)) {
        limiters[checkDomain(domain)].setBudget(budget)
      }
      for (const domain of RATE_DOMAINS) pump(domain)
      notify()
    },
    state,
    subscribe(listener) {
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
      }
    },
    dispose() {
      if (disposed) return
      disposed = true
      for (const domain of RATE_DOMAINS) {
        cancelWakeup(domain)
        for (const waiter of limiters[domain].drain()) {
          waiter.fail(new GovernorDisposedError(domain))
        }
      }
      listeners.clear()
    },
  }
}

/**
 * `X-RateLimit-State` values that say the account is near its limit on an answer that still
 * went through. Only `THROTTLED` is confirmed (on 429s); `WARNING` is the conventional early
 * value. Anything else, including values Opsgenie may add, is ignored: reacting to an unknown
 * value that turned out to be on every answer would pin the rate at its floor.
 */
const PRESSURE_STATES: ReadonlySet<string> = new Set(['THROTTLED', 'WARNING'])

function isPressure(state: string | undefined): boolean {
  return state !== undefined && PRESSURE_STATES.has(state.trim().toUpperCase())
}
