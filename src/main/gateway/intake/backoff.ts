export interface BackoffOptions {
  /** First delay before jitter, in ms. */
  readonly initialMs: number
  /** The cap: no delay exceeds it. */
  readonly maxMs: number
  /** Growth per attempt; default 2. */
  readonly multiplier?: number
  /**
   * Share of each delay that is randomised, in [0, 1]; default 0.5. Jitter keeps a team's
   * desktops from reconnecting to a restarted relay in lockstep.
   */
  readonly jitter?: number
}

export interface Backoff {
  /** The delay before the next attempt; each call counts one failed attempt. */
  next(): number
  /** After a success: the next failure starts from `initialMs` again. */
  reset(): void
  readonly maxMs: number
}

/** Capped exponential backoff with jitter: delay in [base * (1 - jitter), base]. */
export function createBackoff(
  options: BackoffOptions,
  random: () => number = Math.random,
): Backoff {
  const { initialMs, maxMs } = options
  const multiplier = options.multiplier ?? 2
  const jitter = options.jitter ?? 0.5
  if (!Number.isFinite(initialMs) || initialMs <= 0)
    throw new RangeError(`backoff initialMs must be a positive number of ms, got ${initialMs}`)
  if (!Number.isFinite(maxMs) || maxMs < initialMs)
    throw new RangeError(`backoff maxMs must be at least initialMs (${initialMs}), got ${maxMs}`)
  if (!Number.isFinite(multiplier) || multiplier < 1)
    throw new RangeError(`backoff multiplier must be at least 1, got ${multiplier}`)
  if (!(jitter >= 0 && jitter <= 1))
    throw new RangeError(`backoff jitter must be between 0 and 1, got ${jitter}`)
  let attempt = 0
  return {
    maxMs,
    next() {
      const base = Math.min(maxMs, initialMs * multiplier ** attempt)
      attempt = Math.min(attempt + 1, 1000)
      const r = Math.min(Math.max(random(), 0), 1)
      return Math.round(base * (1 - jitter * r))
    },
    reset() {
      attempt = 0
    },
  }
}
