import { createHash } from 'node:crypto'
import { z } from 'zod'
import { issuesLine } from '../shared/zod-issues.js'
import type { RejectReason } from './metrics.js'
import { nestsDeeperThan, rawMemberText } from './raw-json.js'

/** Opsgenie's bodies nest about five levels; the bound keeps the dedup-key scanner's stack small. */
export const MAX_DEPTH = 64
/**
 * How far `alert.updatedAt` may run ahead of the relay's clock. Opsgenie stamps it before sending,
 * so a later one is forged or from a badly wrong clock; it would order the alert's history wrongly
 * on every desktop. Ten minutes leaves room for clock drift.
 */
export const MAX_UPDATED_AHEAD_MS = 10 * 60_000

/**
 * The least an Opsgenie outgoing-webhook body must carry for a desktop to act on it. Everything
 * else is passed through untouched: actions include custom ones (any name), and Escalate has its
 * own shape with a minimal `alert` (API-NOTES 7.3-7.5).
 */
const webhookEnvelope = z.looseObject({
  action: z.string().min(1, 'must be a non-empty string'),
  alert: z.looseObject({ alertId: z.string().min(1, 'must be a non-empty string') }),
})

export interface WebhookSummary {
  readonly action: string
  readonly alertId: string
  /** Same key for every delivery of one logical change; see `dedupKeyOf`. */
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

/** `receivedAt`: the relay's own clock (epoch ms), which bounds `alert.updatedAt`. */
export function checkWebhookBody(raw: string, receivedAt: number): PayloadCheck {
  let parsed: unknown
  try {
    parsed = JSON.parse(raw)
  } catch (error) {
    const reason = `body is not JSON: ${(error as Error).message}`
    return { ok: false, status: 400, reason, metric: 'not_json' }
  }
  if (nestsDeeperThan(raw, MAX_DEPTH)) return invalid(`nested deeper than ${MAX_DEPTH} levels`)
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return invalid('expected a JSON object')
  }
  const result = webhookEnvelope.safeParse(parsed)
  if (!result.success) {
    return invalid(issuesLine(result.error))
  }
  const { action, alert } = result.data
  const updatedAt = updatedAtText(raw)
  const aheadMs = updatedAt === undefined ? 0 : msAhead(updatedAt, receivedAt)
  if (aheadMs > MAX_UPDATED_AHEAD_MS) {
    return {
      ok: false,
      status: 422,
      reason: `alert.updatedAt is ${Math.round(aheadMs / 60_000)} minutes ahead of the relay's clock (at most ${MAX_UPDATED_AHEAD_MS / 60_000} allowed)`,
      metric: 'future_timestamp',
    }
  }
  return {
    ok: true,
    value: { action, alertId: alert.alertId, dedupKey: dedupKeyOf(raw, alert.alertId, action) },
  }
}

/** Epoch nanoseconds as digits; anything else (no clock to compare) counts as not ahead. */
function msAhead(updatedAt: string, receivedAt: number): number {
  if (!/^\d{1,40}$/.test(updatedAt)) return 0
  return Number(BigInt(updatedAt) / 1_000_000n) - receivedAt
}

/** `alert.updatedAt` as exact text (a JSON string's content, or a number's digits). */
function updatedAtText(raw: string): string | undefined {
  const text = rawMemberText(raw, ['alert', 'updatedAt'])
  if (text === undefined || text === 'null') return undefined
  return text.startsWith('"') ? (JSON.parse(text) as string) : text
}

/**
 * `alertId|action|stamp`. The stamp is Opsgenie's own `alert.updatedAt` as exact text (epoch ns);
 * Escalate carries none, so its escalation id, time and repeat count stand in; a payload with
 * neither falls back to a digest of the body, so only byte-identical deliveries count as repeats.
 */
export function dedupKeyOf(raw: string, alertId: string, action: string): string {
  return `${alertId}|${action}|${stampOf(raw)}`
}

function stampOf(raw: string): string {
  const updatedAt = updatedAtText(raw)
  if (updatedAt !== undefined) return updatedAt
  const escalationId = rawMemberText(raw, ['escalationId'])
  if (escalationId !== undefined) {
    const parts = [
      escalationId,
      rawMemberText(raw, ['escalationTime']),
      rawMemberText(raw, ['repeatCount']),
    ]
    return `escalation:${parts
      .map((p) => p ?? '')
      .join(':')
      .replaceAll('"', '')}`
  }
  return `sha256:${createHash('sha256').update(raw).digest('hex').slice(0, 32)}`
}
