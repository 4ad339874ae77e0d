/**
 * Opsgenie's rate-limit domains, written from Opsgenie's own page "Rate Limiting"
 * (https://docs.opsgenie.com/docs/api-rate-limiting) and deliberately not imported from the
 * client's `src/shared/opsgenie/rate-domains.ts`: the simulator is what the client is measured
 * against, so a wrong classification in the client must not be copied into it.
 * test/simulator/rate-limit-client-agreement.int.test.ts compares the two over every request the
 * client sends.
 *
 * What the page says, for the REST subset the simulator serves:
 * - Search: "any API request made to the list alerts and users": `GET /v2/alerts` and
 *   `GET /v2/users`, nothing else (counting alerts is not listing them).
 * - Alert: "any request to Alerts", every other `/v2/alerts/...` request, counts and request
 *   status included.
 * - Incident: "any request to Incident API endpoints", `/v1/incidents/...`.
 * - Schedule-oncalls: "any request made to retrieve the current and next on-call user(s)".
 * - Configuration: "the remaining Rest API" endpoints: teams, users, schedules, services, ...
 *
 * The page also names Heartbeat, Integration and Email domains; the simulator serves none of their
 * endpoints (an unknown route is answered 404 before any rate limit), so it does not model them.
 */
export const SIMULATED_RATE_DOMAINS = [
  'alert',
  'incident',
  'configuration',
  'search',
  'schedule-oncalls',
] as const
export type RateDomain = (typeof SIMULATED_RATE_DOMAINS)[number]

/** A domain's budget: Opsgenie checks each domain per minute and per second. */
export interface RateBudget {
  readonly perMinute: number
  readonly perSecond: number
}

const ON_CALLS = /^\/v2\/schedules\/(on-calls|[^/]+\/(on-calls|next-on-calls))$/

/** The domain Opsgenie charges a request to; `path` is without query. */
export function simulatedRateDomainOf(method: string, path: string): RateDomain {
  const p = path.replace(/\/+$/, '')
  const isGet = method.toUpperCase() === 'GET'
  if (isGet && (p === '/v2/alerts' || p === '/v2/users')) return 'search'
  if (p === '/v2/alerts' || p.startsWith('/v2/alerts/')) return 'alert'
  if (p === '/v1/incidents' || p.startsWith('/v1/incidents/')) return 'incident'
  if (isGet && ON_CALLS.test(p)) return 'schedule-oncalls'
  return 'configuration'
}
