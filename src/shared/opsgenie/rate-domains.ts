/**
 * Opsgenie limits requests per account and per domain, each with a per-minute and a per-second
 * token bucket (API-NOTES §6). The simulator enforces these domains and the gateway's governor
 * budgets them, so both classify requests with this one function.
 */
export const RATE_DOMAINS = [
  'alert',
  'incident',
  'configuration',
  'search',
  'schedule-oncalls',
] as const
export type RateDomain = (typeof RATE_DOMAINS)[number]

export interface RateBudget {
  readonly perMinute: number
  readonly perSecond: number
}

/** Classifies a REST request (method, path without query) into its rate-limit domain. */
export function rateDomainOf(method: string, path: string): RateDomain {
  const p = path.replace(/\/+$/, '')
  const verb = method.toUpperCase()
  if (verb === 'GET' && (p === '/v2/alerts' || p === '/v2/alerts/count' || p === '/v2/users')) {
    return 'search'
  }
  if (p.startsWith('/v2/alerts')) return 'alert'
  if (p.startsWith('/v1/incidents')) return 'incident'
  if (/^\/v2\/schedules\/[^/]+\/(on-calls|next-on-calls)$/.test(p)) return 'schedule-oncalls'
  return 'configuration'
}
