import { SIMULATED_RATE_DOMAINS, type RateBudget, type RateDomain } from './rate-domains'

/** Generous enough that nothing but a rate-limit test ever sees a 429. */
export const DEFAULT_BUDGET: RateBudget = { perMinute: 100_000, perSecond: 10_000 }

interface Bucket {
  capacity: number
  periodMs: number
  tokens: number
  at: number
}

export type RateDecision = { ok: true } | { ok: false; periodInSec: 60 | 1 }

/**
 * Opsgenie's per-account, per-domain limiting: a per-minute and a per-second token bucket that
 * refill continuously; a request must pass both and takes one token from each (API-NOTES §6.1).
 */
export class RateLimiter {
  private budgets = new Map<RateDomain, RateBudget>()
  private buckets = new Map<string, Bucket>()

  constructor(
    limits: Partial<Record<RateDomain, RateBudget>> = {},
    private readonly now: () => number = Date.now,
  ) {
    this.set(limits)
  }

  set(limits: Partial<Record<RateDomain, RateBudget>>): void {
    for (const domain of SIMULATED_RATE_DOMAINS) {
      const budget = limits[domain] ?? this.budgets.get(domain) ?? DEFAULT_BUDGET
      if (!(budget.perMinute > 0 && budget.perSecond > 0)) {
        throw new Error(`rate budget for '${domain}' must have positive perMinute and perSecond`)
      }
      this.budgets.set(domain, budget)
    }
    this.buckets.clear()
  }

  budget(domain: RateDomain): RateBudget {
    return this.budgets.get(domain) ?? DEFAULT_BUDGET
  }

  take(domain: RateDomain): RateDecision {
    const budget = this.budget(domain)
    const minute = this.refill(`${domain}/60`, budget.perMinute, 60_000)
    const second = this.refill(`${domain}/1`, budget.perSecond, 1_000)
    if (minute.tokens < 1) return { ok: false, periodInSec: 60 }
    if (second.tokens < 1) return { ok: false, periodInSec: 1 }
    minute.tokens -= 1
    second.tokens -= 1
    return { ok: true }
  }

  private refill(key: string, capacity: number, periodMs: number): Bucket {
    const now = this.now()
    const bucket = this.buckets.get(key) ?? { capacity, periodMs, tokens: capacity, at: now }
    bucket.tokens = Math.min(capacity, bucket.tokens + ((now - bucket.at) * capacity) / periodMs)
    bucket.at = now
    this.buckets.set(key, bucket)
    return bucket
  }
}
