import { describe, expect, it } from 'vitest'
import { rateDomainOf } from '../../src/shared/opsgenie/rate-domains'

describe('rateDomainOf', () => {
  it.each([
    ['GET', '/v2/alerts', 'search'],
    ['GET', '/v2/alerts/count', 'alert'],
    ['GET', '/v2/users', 'search'],
    ['POST', '/v2/alerts', 'alert'],
    ['GET', '/v2/alerts/abc', 'alert'],
    ['POST', '/v2/alerts/abc/acknowledge', 'alert'],
    ['GET', '/v2/alerts/requests/r1', 'alert'],
    ['POST', '/v1/incidents/create', 'incident'],
    ['GET', '/v1/incidents', 'incident'],
    ['GET', '/v2/schedules/s1/on-calls', 'schedule-oncalls'],
    ['GET', '/v2/schedules', 'configuration'],
    ['GET', '/v1/services', 'configuration'],
    ['GET', '/v2/account', 'configuration'],
    ['GET', '/v2/users/alice', 'configuration'],
  ] as const)('%s %s is %s', (method, path, domain) => {
    expect(rateDomainOf(method, path)).toBe(domain)
  })
})
