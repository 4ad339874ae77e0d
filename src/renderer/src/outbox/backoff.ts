/**
 * Capped exponential backoff with full jitter (uniform in [0, min(cap, base * 2^attempt))):
 * after an outage every desktop's outbox retries at a different moment instead of together.
 */
export function backoffDelay(
  attempt: number,
  baseMs: number,
  capMs: number,
  random: () => number,
): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, Math.min(attempt, 30)))
  return Math.floor(random() * ceiling)
}
