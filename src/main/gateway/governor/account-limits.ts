import { budgetsFromRequestLimits, checkAccountShare } from './budgets'
import type { Budgets, Governor } from './types'

/**
 * Each desktop budgets half of what the account states. Opsgenie's buckets are per account and
 * its answers carry no "remaining" count, so a desktop cannot see how many others draw on them
 * until a 429 arrives. Half means two responders' desktops at full tilt still fit (with the
 * safety margin, 90 % of the account together), and a desktop alone still has half the account,
 * far more than a responder's clicks and the sync need. A third busy client shows up as a 429 or
 * a pressure state, and the governor's backoff takes over from there. README: "Sharing the
 * account".
 */
export const DEFAULT_ACCOUNT_SHARE = 0.5

export type LearnedLimits =
  | { readonly source: 'account'; readonly share: number; readonly budgets: Budgets }
  /** The key may not read them (team keys get 403), or the answer never came: defaults stay. */
  | { readonly source: 'defaults'; readonly reason: string }

export interface LearnLimitsOptions {
  readonly governor: Governor
  /** Reads `GET /v2/request-limits` and answers its body (`{ data: { rateLimits } }`). */
  readonly read: () => Promise<unknown>
  readonly share?: number
}

/**
 * Sets the governor's budgets to the share of the account's live limits. Never throws: a
 * desktop whose key cannot read the limits still works, on the (low) defaults.
 */
export async function learnAccountLimits(options: LearnLimitsOptions): Promise<LearnedLimits> {
  const share = checkAccountShare(options.share ?? DEFAULT_ACCOUNT_SHARE)
  try {
    const budgets = budgetsFromRequestLimits(await options.read(), { share })
    options.governor.setBudgets(budgets)
    return { source: 'account', share, budgets }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    return { source: 'defaults', reason }
  }
}
