import { rateDomainOf, type RateDomain } from '../../../../shared/opsgenie/rate-domains'

/** Opsgenie's rate-limit headers; absent when the server sends none. */
export interface RateLimitInfo {
  /** `X-RateLimit-State`, e.g. `OK` or `THROTTLED`. */
  readonly state?: string
  /** `X-RateLimit-Reason`, e.g. `ACCOUNT`. */
  readonly reason?: string
  /** `X-RateLimit-Period-In-Sec`: 60 or 1. */
  readonly periodSeconds?: number
}

/** What the governor needs from every exchange, success or failure. */
export interface ResponseMeta {
  readonly method: string
  readonly path: string
  readonly domain: RateDomain
  readonly status: number
  readonly requestId?: string
  readonly rateLimit?: RateLimitInfo
  readonly receivedAt: number
}

export function parseRateLimit(headers: Headers): RateLimitInfo | undefined {
  const state = headers.get('x-ratelimit-state') ?? undefined
  const reason = headers.get('x-ratelimit-reason') ?? undefined
  const rawPeriod = headers.get('x-ratelimit-period-in-sec')
  const period = rawPeriod === null ? Number.NaN : Number(rawPeriod.trim())
  const periodSeconds = Number.isFinite(period) && period > 0 ? period : undefined
  if (state === undefined && reason === undefined && periodSeconds === undefined) return undefined
  return { state, reason, periodSeconds }
}

export function responseMeta(method: string, path: string, response: Response): ResponseMeta {
  return {
    method,
    path,
    domain: rateDomainOf(method, path),
    status: response.status,
    requestId: response.headers.get('x-request-id') ?? undefined,
    rateLimit: parseRateLimit(response.headers),
    receivedAt: Date.now(),
  }
}
