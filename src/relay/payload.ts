import { readWebhookBody, updatedAtText } from '../shared/opsgenie/webhook.js'
import type { RejectReason } from './metrics.js'
import { nestsDeeperThan } from './raw-json.js'

/**
 * Opsgenie's bodies nest about five levels; a body nested far deeper is not one of them, and the
 * bound keeps every later reader of the stored body (desktops included) off pathological input.
 */
export const MAX_DEPTH = 64
/**
 * How far `alert.updatedAt` may run ahead of the relay's clock. Opsgenie stamps it before sending,
 * so a later one is forged or from a badly wrong clock; it would order the alert's history wrongly
 * on every desktop. Ten minutes leaves room for clock drift.
 */
export const MAX_UPDATED_AHEAD_MS = 10 * 60_000

export interface WebhookSummary {
  readonly action: string
  readonly alertId: string
  /** Same key for every delivery of one logical change (`dedupKeyOf` in the shared module). */
  readonly dedupKey: string
}

export type PayloadCheck =
  | { readonly ok: true; readonly value: WebhookSummary }
  | {
      readonly ok: false
      readonly status: 400 | 422
      readonly reason: string
      readonly metric: RejectReason
    }

const invalid = (reason: string): PayloadCheck => ({
  ok: false,
  status: 422,
  reason: `not an Opsgenie webhook payload: ${reason}`,
  metric: 'invalid_payload',
})

/**
 * `receivedAt`: the relay's own clock (epoch ms), which bounds `alert.updatedAt`. The body and its
 * dedup key are read by the shared webhook module (`src/shared/opsgenie/webhook.ts`), the same
 * code main's decoder uses.
 */
export function checkWebhookBody(raw: string, receivedAt: number): PayloadCheck {
  const read = readWebhookBody(raw)
  if (!read.ok && read.problem === 'not-json')
    return { ok: false, status: 400, reason: read.reason, metric: 'not_json' }
  if (nestsDeeperThan(raw, MAX_DEPTH)) return invalid(`nested deeper than ${MAX_DEPTH} levels`)
  if (!read.ok) return invalid(read.reason)
  const { action, alertId, alert, dedupKey } = read.webhook
  const updatedAt = updatedAtText(alert)
  const aheadMs = updatedAt === undefined ? 0 : msAhead(updatedAt, receivedAt)
  if (aheadMs > MAX_UPDATED_AHEAD_MS) {
    return {
      ok: false,
      status: 422,
      reason: `alert.updatedAt is ${Math.round(aheadMs / 60_000)} minutes ahead of the relay's clock (at most ${MAX_UPDATED_AHEAD_MS / 60_000} allowed)`,
      metric: 'future_timestamp',
    }
  }
  return { ok: true, value: { action, alertId, dedupKey } }
}

/** Epoch nanoseconds as digits; anything else (no clock to compare) counts as not ahead. */
function msAhead(updatedAt: string, receivedAt: number): number {
  if (!/^\d{1,40}$/.test(updatedAt)) return 0
  return Number(BigInt(updatedAt) / 1_000_000n) - receivedAt
}
