import { z } from 'zod'

/**
 * The governor's state as it crosses IPC: plain numbers, strings and nulls. Times are in the
 * governor clock's milliseconds (epoch-like by default); compare them with `at`, not with the
 * receiver's own clock.
 */
export const BucketState = z.object({
  periodSeconds: z.number(),
  /** The configured budget for this window. */
  limit: z.number().int().positive(),
  /** What the governor lets itself use now: limit x safety margin x rate factor, at least 1. */
  effectiveLimit: z.number().int().positive(),
  /** Requests that may still be sent in the current window. */
  tokens: z.number().int().nonnegative(),
  /** 1 at full rate; lowered by 429s, recovering over time. */
  rateFactor: z.number().positive().max(1),
  throttledUntil: z.number().nullable(),
})
export type BucketState = z.infer<typeof BucketState>

export const QueueLengths = z.object({
  user: z.number().int().nonnegative(),
  replay: z.number().int().nonnegative(),
  sync: z.number().int().nonnegative(),
  import: z.number().int().nonnegative(),
})
export type QueueLengths = z.infer<typeof QueueLengths>

export const DomainState = z.object({
  perSecond: BucketState,
  perMinute: BucketState,
  /** Nothing is admitted before this time (null when not throttled). */
  throttledUntil: z.number().nullable(),
  /** `X-RateLimit-Reason` of the last 429 ("unspecified" when it had none). */
  lastReason: z.string().nullable(),
  lastThrottledAt: z.number().nullable(),
  lastSuccessAt: z.number().nullable(),
  queued: QueueLengths,
})
export type DomainState = z.infer<typeof DomainState>

export const GovernorState = z.object({
  at: z.number(),
  domains: z.object({
    alert: DomainState,
    incident: DomainState,
    configuration: DomainState,
    search: DomainState,
    'schedule-oncalls': DomainState,
  }),
})
export type GovernorState = z.infer<typeof GovernorState>
