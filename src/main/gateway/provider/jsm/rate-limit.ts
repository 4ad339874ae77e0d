import type { RateDomain } from '../../../../shared/opsgenie/rate-domains'
import type { ObservedResponse } from '../../governor'
import { retryAfterSeconds } from './errors'
import type { Api } from './http'

/**
 * The governor keeps per-domain buckets; JSM states one limit per site with Atlassian's headers
 * (`Retry-After`, `X-RateLimit-Limit/Remaining/Reset`, ../shared/jsm/FACTS.md §6), so the
 * domains here only keep the queues apart: alerts, incidents, configuration, on-calls.
 */
export function jsmRateDomain(api: Api, method: string, path: string): RateDomain {
  if (api === 'site') return path.startsWith('/rest/api/3/users') ? 'configuration' : 'incident'
  if (api === 'incidents') return 'incident'
  if (path.startsWith('/alerts')) return method === 'GET' && path === '/alerts' ? 'search' : 'alert'
  if (/^\/schedules\/[^/]+\/on-calls$/.test(path)) return 'schedule-oncalls'
  return 'configuration'
}

/** Share of the window left under which the governor eases its rate before any 429. */
const PRESSURE_SHARE = 0.1

/**
 * What the governor hears from one answer: a 429 waits `Retry-After` (the governor's period),
 * and a window nearly used up (`X-RateLimit-Remaining` under a tenth of the limit) reads as
 * pressure, so several desktops on one site slow down before any of them is refused.
 */
export function observed(
  domain: RateDomain,
  status: number,
  headers: Headers,
  now: number,
): ObservedResponse {
  if (status === 429) {
    const period = retryAfterSeconds(headers, now)
    return {
      domain,
      status,
      rateLimit: { state: 'THROTTLED', ...(period !== undefined ? { periodSeconds: period } : {}) },
    }
  }
  const limit = Number(headers.get('x-ratelimit-limit') ?? NaN)
  const remaining = Number(headers.get('x-ratelimit-remaining') ?? NaN)
  if (limit > 0 && remaining >= 0 && remaining < limit * PRESSURE_SHARE) {
    const reset = retryAfterSeconds(
      new Headers({ 'x-ratelimit-reset': headers.get('x-ratelimit-reset') ?? '' }),
      now,
    )
    return {
      domain,
      status,
      rateLimit: { state: 'WARNING', ...(reset !== undefined ? { periodSeconds: reset } : {}) },
    }
  }
  return { domain, status }
}
