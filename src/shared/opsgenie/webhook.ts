import { z } from 'zod'
import { issuesLine } from '../zod-issues'
import { parseLossless } from './lossless-json'

/**
 * Reading an Opsgenie outgoing-webhook body and its dedup key: the one place both the relay (which
 * stores each delivery under the key) and main's decoder (which carries it to the renderer) take
 * them from, so the two can never disagree about what counts as a repeat.
 */

/**
 * The least a body must carry for a desktop to act on it. Everything else passes untouched:
 * actions include custom ones (any name), and Escalate has its own shape with a minimal `alert`.
 */
const envelope = z.looseObject({
  action: z.string().min(1, 'must be a non-empty string'),
  alert: z.looseObject({ alertId: z.string().min(1, 'must be a non-empty string') }),
})

export interface WebhookBody {
  readonly action: string
  readonly alertId: string
  /** The `alert` object; integers beyond 2^53 (nanosecond stamps) as exact decimal text. */
  readonly alert: Readonly<Record<string, unknown>>
  /** The whole body, for shapes with top-level fields (Escalate). */
  readonly body: Readonly<Record<string, unknown>>
  /** Same for every delivery of one logical change; see `dedupKeyOf`. */
  readonly dedupKey: string
}

export type WebhookRead =
  | { readonly ok: true; readonly webhook: WebhookBody }
  | { readonly ok: false; readonly problem: 'not-json' | 'invalid'; readonly reason: string }

export function readWebhookBody(raw: string): WebhookRead {
  let parsed: unknown
  try {
    parsed = parseLossless(raw)
  } catch (error) {
    return {
      ok: false,
      problem: 'not-json',
      reason: `body is not JSON: ${(error as Error).message}`,
    }
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    return { ok: false, problem: 'invalid', reason: 'expected a JSON object' }
  const result = envelope.safeParse(parsed)
  if (!result.success) return { ok: false, problem: 'invalid', reason: issuesLine(result.error) }
  const body = result.data
  const { action, alert } = body
  return {
    ok: true,
    webhook: { action, alertId: alert.alertId, alert, body, dedupKey: dedupKeyOf(body, raw) },
  }
}

/** `alert.updatedAt` exactly as sent (epoch ns for real Opsgenie bodies), or undefined. */
export function updatedAtText(alert: Readonly<Record<string, unknown>>): string | undefined {
  return scalarText(alert['updatedAt'])
}

/**
 * `alertId|action|stamp`. The stamp is Opsgenie's own `alert.updatedAt` as exact text; Escalate
 * carries none, so its escalation id, time and repeat count stand in; a body with neither falls
 * back to a digest of the body, so only byte-identical deliveries count as repeats. The digest is
 * 64-bit FNV-1a (`fnv64:`), pure code that runs in every runtime; until this module existed the
 * relay keyed such bodies on a SHA-256 prefix (`sha256:`), so a stampless body stored before the
 * change and delivered again after it is not recognised as a repeat by the relay once.
 */
export function dedupKeyOf(
  body: { readonly action: string; readonly alert: { readonly alertId: string } } & Readonly<
    Record<string, unknown>
  >,
  raw: string,
): string {
  const alert = body.alert as Readonly<Record<string, unknown>>
  const stamp = updatedAtText(alert) ?? escalationStamp(body) ?? `fnv64:${fnv1a64(raw)}`
  return `${body.alert.alertId}|${body.action}|${stamp}`
}

function escalationStamp(body: Readonly<Record<string, unknown>>): string | undefined {
  const id = scalarText(body['escalationId'])
  if (id === undefined) return undefined
  const time = scalarText(body['escalationTime']) ?? ''
  return `escalation:${id}:${time}:${scalarText(body['repeatCount']) ?? ''}`
}

function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  return undefined
}

const FNV64_OFFSET = 0xcbf29ce484222325n
const FNV64_PRIME = 0x100000001b3n

/** 64-bit FNV-1a over the text's UTF-16 code units, as 16 hex digits. Not a security digest. */
export function fnv1a64(text: string): string {
  let hash = FNV64_OFFSET
  for (let i = 0; i < text.length; i++)
    hash = BigInt.asUintN(64, (hash ^ BigInt(text.charCodeAt(i))) * FNV64_PRIME)
  return hash.toString(16).padStart(16, '0')
}
