/**
 * Opsgenie limits requests per account and per domain, each with a per-minute and a per-second
 * token bucket (API-NOTES §6; https://docs.opsgenie.com/docs/api-rate-limiting). The gateway's
 * governor budgets requests by this classification. The simulator states Opsgenie's domains on its
 * own (src/simulator/rate-domains.ts), and a test compares the two over every request the client
 * sends, so a mistake here shows up as a disagreement rather than being copied into the simulator.
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
  // Only listing alerts and listing users is "search"; counting alerts is an Alert API request.
  if (verb === 'GET' && (p === '/v2/alerts' || p === '/v2/users')) return 'search'
  if (p.startsWith('/v2/alerts')) return 'alert'
  if (p.startsWith('/v1/incidents')) return 'incident'
  if (/^\/v2\/schedules\/[^/]+\/(on-calls|next-on-calls)$/.test(p)) return 'schedule-oncalls'
  return 'configuration'
}
