/**
 * Capped exponential backoff with jitter, the one implementation behind the relay client's
 * reconnects (main) and the outbox's retries (renderer). Jitter keeps a team's desktops from
 * retrying a restarted relay or a recovered Opsgenie in lockstep.
 */
export interface BackoffOptions {
  /** First delay before jitter, in ms. */
  readonly initialMs: number
  /** The cap: no delay exceeds it. */
  readonly maxMs: number
  /** Growth per attempt; default 2. */
  readonly multiplier?: number
  /**
   * Share of each delay that is randomised, in [0, 1]; default 0.5. 1 is "full jitter": the
   * delay is anywhere in [0, base].
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

/**
 * The delay after `attempt` earlier failures (0 for the first retry): in
 * [base * (1 - jitter), base] with `base = min(maxMs, initialMs * multiplier^attempt)`. Pure, for
 * callers that keep the attempt count themselves (the outbox stores it on each command).
 */
export function backoffDelay(
  attempt: number,
  options: BackoffOptions,
  random: () => number,
): number {
  const { initialMs, maxMs } = options
  const multiplier = options.multiplier ?? 2
  const jitter = options.jitter ?? 0.5
  // past the cap the power may reach Infinity; min() turns that into maxMs, never NaN
  const base = Math.min(maxMs, initialMs * multiplier ** Math.max(0, attempt))
  const r = Math.min(Math.max(random(), 0), 1)
  return Math.round(base * (1 - jitter * r))
}

/** Throws a RangeError naming the setting when the options cannot make a sane schedule. */
export function checkBackoffOptions(options: BackoffOptions): void {
  const { initialMs, maxMs, multiplier = 2, jitter = 0.5 } = options
  if (!Number.isFinite(initialMs) || initialMs <= 0)
    throw new RangeError(`backoff initialMs must be a positive number of ms, got ${initialMs}`)
  if (!Number.isFinite(maxMs) || maxMs < initialMs)
    throw new RangeError(`backoff maxMs must be at least initialMs (${initialMs}), got ${maxMs}`)
  if (!Number.isFinite(multiplier) || multiplier < 1)
    throw new RangeError(`backoff multiplier must be at least 1, got ${multiplier}`)
  if (!(jitter >= 0 && jitter <= 1))
    throw new RangeError(`backoff jitter must be between 0 and 1, got ${jitter}`)
}

/** A backoff that counts its own failures, for a single retry loop (the relay client). */
export function createBackoff(
  options: BackoffOptions,
  random: () => number = Math.random,
): Backoff {
  checkBackoffOptions(options)
  let attempt = 0
  return {
    maxMs: options.maxMs,
    next() {
      const delay = backoffDelay(attempt, options, random)
      attempt = Math.min(attempt + 1, 1000)
      return delay
    },
    reset() {
      attempt = 0
    },
  }
}
