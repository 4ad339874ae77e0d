import { describe, expect, it } from 'vitest'
import { RATE_DOMAINS } from '@shared/opsgenie/rate-domains'
import { budgetsFromRequestLimits, DEFAULT_BUDGETS } from '../../../../src/main/gateway/governor'

const limits = (perMinute: number, perSecond: number) => [
  { limit: perMinute, periodInSeconds: 60 },
  { limit: perSecond, periodInSeconds: 1 },
]

describe('budgets', () => {
  it('has a default for every domain, with the second budget below the minute one', () => {
    for (const domain of RATE_DOMAINS) {
      const budget = DEFAULT_BUDGETS[domain]
      expect(budget.perSecond).toBeGreaterThan(0)
      expect(budget.perSecond).toBeLessThan(budget.perMinute)
    }
  })

  it('reads /v2/request-limits, ignoring domains Ondeck does not budget', () => {
    const body = {
      data: {
        rateLimits: [
          { domain: 'search', limits: limits(300, 10) },
          { domain: 'Configuration', limits: limits(600, 20) },
          { domain: 'heartbeat', limits: limits(1, 1) },
        ],
      },
      took: 0.01,
      requestId: 'r1',
    }
    expect(budgetsFromRequestLimits(body)).toEqual({
      search: { perMinute: 300, perSecond: 10 },
      configuration: { perMinute: 600, perSecond: 20 },
    })
  })

  it('keeps the fallback for a window the answer leaves out or gives as nonsense', () => {
    const body = {
      data: {
        rateLimits: [
          { domain: 'alert', limits: [{ limit: 900, periodInSeconds: 60 }] },
          { domain: 'incident', limits: limits(-1, 4) },
        ],
      },
    }
    expect(budgetsFromRequestLimits(body)).toEqual({
      alert: { perMinute: 900, perSecond: DEFAULT_BUDGETS.alert.perSecond },
      incident: { perMinute: DEFAULT_BUDGETS.incident.perMinute, perSecond: 4 },
    })
  })

  it('takes the stated share of what the account states, never less than 1', () => {
    const body = {
      data: {
        rateLimits: [
          { domain: 'alert', limits: limits(601, 9) },
          { domain: 'search', limits: [{ limit: 1, periodInSeconds: 1 }] },
        ],
      },
    }
    expect(budgetsFromRequestLimits(body, { share: 0.5 })).toEqual({
      alert: { perMinute: 300, perSecond: 4 },
      // the window the answer left out keeps its per-desktop default, not a share of it
      search: { perMinute: DEFAULT_BUDGETS.search.perMinute, perSecond: 1 },
    })
  })

  it('refuses a share outside (0, 1], naming it', () => {
    const body = { data: { rateLimits: [] } }
    for (const share of [0, -0.5, 1.5, Number.NaN]) {
      expect(() => budgetsFromRequestLimits(body, { share })).toThrow(/account share/)
    }
  })

  it('refuses a body of another shape, saying so', () => {
    expect(() => budgetsFromRequestLimits({ data: {} })).toThrow(/unexpected \/v2\/request-limits/)
  })
})
