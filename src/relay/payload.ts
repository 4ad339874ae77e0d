import { createHash } from 'node:crypto'
import { z } from 'zod'
import { rawMemberText } from './raw-json.js'

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
  | { readonly ok: false; readonly status: 400 | 422; readonly reason: string }

export function checkWebhookBody(raw: string): PayloadCheck {
  let parsed: unknown
  try {
    parsed = JSON.parse(raw)
  } catch (error) {
    return { ok: false, status: 400, reason: `body is not JSON: ${(error as Error).message}` }
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return {
      ok: false,
      status: 422,
      reason: 'not an Opsgenie webhook payload: expected a JSON object',
    }
  }
  const result = webhookEnvelope.safeParse(parsed)
  if (!result.success) {
    const issues = result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
    return {
      ok: false,
      status: 422,
      reason: `not an Opsgenie webhook payload: ${issues.join('; ')}`,
    }
  }
  const { action, alert } = result.data
  return {
    ok: true,
    value: { action, alertId: alert.alertId, dedupKey: dedupKeyOf(raw, alert.alertId, action) },
  }
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
  const updatedAt = rawMemberText(raw, ['alert', 'updatedAt'])
  if (updatedAt !== undefined && updatedAt !== 'null') {
    return updatedAt.startsWith('"') ? (JSON.parse(updatedAt) as string) : updatedAt
  }
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
