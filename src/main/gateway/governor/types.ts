import type { Clock } from '@shared/clock'
import type { RateBudget, RateDomain } from '@shared/opsgenie/rate-domains'
import type { GovernorState } from './state-schema'

/**
 * Who is asking, from most to least urgent. A responder waiting on a click outranks the outbox
 * replaying earlier clicks, which outranks keeping the cache fresh, which outranks bulk import.
 */
export const REQUEST_PRIORITIES = ['user', 'replay', 'sync', 'import'] as const
export type RequestPriority = (typeof REQUEST_PRIORITIES)[number]

export type Budgets = Partial<Record<RateDomain, RateBudget>>

/** What `run` hears back from one request; a 429 is reported as `throttled`. */
export type SendResult<T> = { ok: true; value: T } | { ok: false; error: unknown }
export interface Throttle {
  /** `X-RateLimit-Period-In-Sec`: 1 when the per-second bucket tripped, 60 for per-minute. */
  readonly periodSeconds: number
  /** `X-RateLimit-Reason`, e.g. `ACCOUNT`. */
  readonly reason?: string
}
export type Classify<T> = (result: SendResult<T>) => { throttled?: Throttle }

/**
 * One HTTP answer as the client's response hook sees it (structurally the Opsgenie client's
 * `ResponseMeta`), for every request, also those the governor never admitted.
 */
export interface ObservedResponse {
  readonly domain: RateDomain
  readonly status: number
  readonly rateLimit?: {
    /** `X-RateLimit-State`: `OK`, or `THROTTLED` on a 429. */
    readonly state?: string
    readonly reason?: string
    readonly periodSeconds?: number
  }
}

export interface Governor {
  /** Resolves when one request for `domain` may be sent now (one token is taken). */
  acquire(domain: RateDomain, priority: RequestPriority, signal?: AbortSignal): Promise<void>
  /** The request got a 429: wait at least the period (plus jitter) and lower the rate. */
  reportThrottled(domain: RateDomain, info: Throttle): void
  reportSuccess(domain: RateDomain): void
  /**
   * The response hook: a 429 closes the domain like `reportThrottled` (once, however many
   * reporters), a success whose rate-limit state says the account is under pressure eases the
   * rate without closing. See README ("Sharing the account").
   */
  observe(response: ObservedResponse): void
  /** acquire, send, report. Never retries: a throttled request's result is returned as is. */
  run<T>(
    domain: RateDomain,
    priority: RequestPriority,
    send: () => Promise<T>,
    classify: Classify<T>,
    signal?: AbortSignal,
  ): Promise<T>
  /** Replaces the budgets of the given domains, e.g. after reading `/v2/request-limits`. */
  setBudgets(budgets: Budgets): void
  state(): GovernorState
  subscribe(listener: (state: GovernorState) => void): () => void
  /** Rejects every waiting acquire and cancels all timers. */
  dispose(): void
}

/** Knobs of the backoff model; the README explains the defaults. */
export interface GovernorTuning {
  /** Multiplies the rate factor of the tripped bucket on a 429 (multiplicative decrease). */
  readonly decreaseFactor: number
  /** The rate factor never drops below this. */
  readonly minRateFactor: number
  /** Added to the rate factor every `recoveryIntervalMs` after a throttle ends (additive increase). */
  readonly recoveryStep: number
  readonly recoveryIntervalMs: number
  /** Jitter is uniform in [0, max(minJitterMs, period * jitterRatio)), added to the period. */
  readonly jitterRatio: number
  readonly minJitterMs: number
  /**
   * Share of the per-minute bucket each priority must leave untouched, so that a user action
   * arriving after a burst of background work still finds a token.
   */
  readonly reserve: Readonly<Record<RequestPriority, number>>
}

export interface GovernorOptions {
  budgets?: Budgets
  /** `now()` must not go backwards; the governor clamps it if it does. */
  clock?: Clock
  /** Uniform in [0, 1), like Math.random. */
  random?: () => number
  /** Fraction of each budget the governor lets itself use, in (0, 1]. */
  safetyMargin?: number
  tuning?: Partial<GovernorTuning>
}
