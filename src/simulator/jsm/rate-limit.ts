/**
 * Atlassian's rate limiting as documented for its cloud REST APIs (not JSM-Ops-specific, see
 * ../shared/jsm/FACTS.md §6): a 429 carries `Retry-After` (seconds) and `X-RateLimit-Limit`,
 * `X-RateLimit-Remaining` and `X-RateLimit-Reset` (ISO 8601). Modelled as one fixed window per
 * account; every answer carries the limit headers so a client can slow down before a 429.
 */
export interface JsmRateLimit {
  /** Requests per window. */
  limit: number
  windowMs: number
}

export const DEFAULT_JSM_RATE_LIMIT: JsmRateLimit = { limit: 100_000, windowMs: 60_000 }

export class WindowLimiter {
  private windowStart = 0
  private used = 0

  constructor(
    private config: JsmRateLimit,
    private readonly now: () => number = Date.now,
  ) {}

  set(config: JsmRateLimit): void {
    this.config = config
    this.used = 0
  }

  /** Takes one request; the headers to send, and whether it is over the limit. */
  take(): { ok: boolean; headers: Record<string, string> } {
    const now = this.now()
    if (now - this.windowStart >= this.config.windowMs) {
      this.windowStart = now
      this.used = 0
    }
    const reset = this.windowStart + this.config.windowMs
    const ok = this.used < this.config.limit
    if (ok) this.used += 1
    const headers: Record<string, string> = {
      'X-RateLimit-Limit': String(this.config.limit),
      'X-RateLimit-Remaining': String(Math.max(0, this.config.limit - this.used)),
      'X-RateLimit-Reset': new Date(reset).toISOString(),
    }
    if (!ok) headers['Retry-After'] = String(Math.max(1, Math.ceil((reset - now) / 1000)))
    return { ok, headers }
  }
}
