import { z } from 'zod'
import { RATE_DOMAINS, type RateBudget, type RateDomain } from '@shared/opsgenie/rate-domains'
import type { Budgets } from './types'

/**
 * Used until the account's real limits are read from `/v2/request-limits`. Opsgenie's per-plan
 * numbers are unknown (API-NOTES §6.2) and every responder's Ondeck on the same account shares
 * them, so these are deliberately low: enough for a responder's bursts (an action plus the
 * request-status follow-up is two alert-domain calls), polling and reconciliation.
 */
export const DEFAULT_BUDGETS: Readonly<Record<RateDomain, RateBudget>> = {
  alert: { perMinute: 120, perSecond: 5 },
  incident: { perMinute: 60, perSecond: 3 },
  configuration: { perMinute: 60, perSecond: 3 },
  search: { perMinute: 60, perSecond: 3 },
  'schedule-oncalls': { perMinute: 60, perSecond: 3 },
}

const Limit = z.number().int().positive()
const BudgetSchema = z.object({ perMinute: Limit, perSecond: Limit })

/** Checks caller-supplied budgets, naming the domain and field that is wrong. */
export function validateBudgets(budgets: unknown): Budgets {
  if (typeof budgets !== 'object' || budgets === null) {
    throw new TypeError(`rate budgets must be an object keyed by domain, got ${String(budgets)}`)
  }
  const out: Budgets = {}
  for (const [domain, budget] of Object.entries(budgets)) {
    if (!isRateDomain(domain)) {
      throw new TypeError(
        `unknown rate domain "${domain}" in budgets (known: ${RATE_DOMAINS.join(', ')})`,
      )
    }
    const parsed = BudgetSchema.safeParse(budget)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      const field = issue?.path.join('.') || 'budget'
      throw new RangeError(
        `invalid rate budget for domain "${domain}": ${field} must be a positive integer (got ${JSON.stringify(budget)})`,
      )
    }
    out[domain] = parsed.data
  }
  return out
}

export function isRateDomain(value: unknown): value is RateDomain {
  return typeof value === 'string' && (RATE_DOMAINS as readonly string[]).includes(value)
}

const RequestLimitsBody = z.object({
  data: z.object({
    rateLimits: z.array(
      z.object({
        domain: z.string(),
        limits: z.array(z.object({ limit: z.number(), periodInSeconds: z.number() })),
      }),
    ),
  }),
})

export interface RequestLimitsOptions {
  /**
   * Fraction of each stated limit to budget, in (0, 1]: several desktops share one account's
   * buckets (README, "Sharing the account"). Default 1, the account's numbers as stated.
   */
  share?: number
  /** Per-desktop budgets for a window the answer leaves out; not shared again. */
  fallback?: Readonly<Record<RateDomain, RateBudget>>
}

/**
 * Reads the body of `GET /v2/request-limits/` into budgets for `setBudgets`: `share` of every
 * limit the account states, rounded down but at least 1. Domains Ondeck does not budget are
 * ignored; a window the body leaves out (or gives as a non-positive number) keeps the `fallback`
 * value, so a partial answer never loosens a limit it did not state.
 */
export function budgetsFromRequestLimits(
  body: unknown,
  options: RequestLimitsOptions = {},
): Budgets {
  const share = checkAccountShare(options.share ?? 1)
  const fallback = options.fallback ?? DEFAULT_BUDGETS
  const parsed = RequestLimitsBody.safeParse(body)
  if (!parsed.success) {
    throw new TypeError(
      `unexpected /v2/request-limits body: ${parsed.error.issues[0]?.message ?? 'invalid'}`,
    )
  }
  const out: Budgets = {}
  for (const entry of parsed.data.data.rateLimits) {
    const domain = entry.domain.toLowerCase()
    if (!isRateDomain(domain)) continue
    const find = (period: number): number | undefined => {
      const limit = entry.limits.find((l) => l.periodInSeconds === period)?.limit
      if (limit === undefined || !Number.isInteger(limit) || limit <= 0) return undefined
      return Math.max(1, Math.floor(limit * share + 1e-9))
    }
    out[domain] = {
      perMinute: find(60) ?? fallback[domain].perMinute,
      perSecond: find(1) ?? fallback[domain].perSecond,
    }
  }
  return out
}

export function checkAccountShare(share: number): number {
  if (!Number.isFinite(share) || share <= 0 || share > 1) {
    throw new RangeError(`governor: the account share must be in (0, 1] (got ${share})`)
  }
  return share
}
