import { describe, expect, it } from 'vitest'
import { simulatedRateDomainOf } from '../../src/simulator/rate-domains'

/** The simulator's own reading of https://docs.opsgenie.com/docs/api-rate-limiting. */
describe('simulatedRateDomainOf', () => {
  it.each([
    // "Search: any API request made to the list alerts and users"
    ['GET', '/v2/alerts', 'search'],
    ['GET', '/v2/alerts/', 'search'],
    ['GET', '/v2/users', 'search'],
    // "Alert: any request to Alerts": counting is not listing
    ['GET', '/v2/alerts/count', 'alert'],
    ['POST', '/v2/alerts', 'alert'],
    ['GET', '/v2/alerts/abc', 'alert'],
    ['POST', '/v2/alerts/abc/acknowledge', 'alert'],
    ['GET', '/v2/alerts/requests/r1', 'alert'],
    ['GET', '/v2/alerts/saved-searches', 'alert'],
    // "Incident: any request to Incident API endpoints"
    ['GET', '/v1/incidents', 'incident'],
    ['POST', '/v1/incidents/create', 'incident'],
    ['GET', '/v1/incidents/requests/r1', 'incident'],
    // "Schedule-oncalls: any request made to retrieve the current and next on-call user(s)"
    ['GET', '/v2/schedules/s1/on-calls', 'schedule-oncalls'],
    ['GET', '/v2/schedules/s1/next-on-calls', 'schedule-oncalls'],
    ['GET', '/v2/schedules/on-calls', 'schedule-oncalls'],
    // "Configuration: the remaining Rest API": including a single user and the schedules list
    ['GET', '/v2/users/alice', 'configuration'],
    ['POST', '/v2/users', 'configuration'],
    ['GET', '/v2/schedules', 'configuration'],
    ['GET', '/v2/schedules/s1', 'configuration'],
    ['GET', '/v2/teams', 'configuration'],
    ['GET', '/v1/services', 'configuration'],
    ['GET', '/v2/account', 'configuration'],
    ['GET', '/v2/request-limits', 'configuration'],
    // a prefix is not the API: /v2/alertsX is not an alert request
    ['GET', '/v2/alertsX', 'configuration'],
  ] as const)('%s %s is %s', (method, path, domain) => {
    expect(simulatedRateDomainOf(method, path)).toBe(domain)
  })
})
