import { z } from 'zod'
import { toEpochNanos } from '../../../shared/domain'
import { issuesLine } from '../../../shared/zod-issues'
import { padNs } from '../db/derive'
import { parseLossless } from './lossless-json'
import { clampToReceived } from './trust'

/** An event ingest cannot apply; it goes to diagnostics with this reason and the raw text. */
export class IngestProblem extends Error {
  override readonly name = 'IngestProblem'
}

/** One Opsgenie webhook delivery, read once with nanosecond timestamps as exact text. */
export interface WebhookEvent {
  /** `alertId|action|stamp`: one key per logical change (same rule as the relay's dedup key). */
  readonly key: string
  readonly action: string
  readonly alertId: string
  /** When it happened, epoch ns text (unpadded, as Opsgenie sent it). */
  readonly atNs: string
  /**
   * Padded `alert.updatedAt` (clamped, see `clampedFromNs`); absent for Escalate, which carries no
   * alert state to order by.
   */
  readonly versionNs: string | undefined
  /**
   * The `updatedAt` the webhook claimed when it was further ahead of the relay's receivedAt than
   * clock skew explains; `versionNs` and `atNs` are then the receivedAt instead.
   */
  readonly clampedFromNs?: string
  readonly actor: string | undefined
  /** The webhook's `alert` object (big integers as decimal text). */
  readonly alert: Readonly<Record<string, unknown>>
  /** The whole webhook body, for shapes with top-level fields (Escalate). */
  readonly body: Readonly<Record<string, unknown>>
}

export type RelayFrame =
  { readonly kind: 'reset' } | { readonly kind: 'webhook'; readonly event: WebhookEvent }

/** The relay's SSE `data:` JSON: an `opsgenie` event, or a `reset` telling us it skipped events. */
const relayEvent = z.object({
  id: z.union([z.number(), z.string()]),
  receivedAt: z.string(),
  payload: z.string(),
})
const relayReset = z.object({ reason: z.string(), lastEventId: z.union([z.number(), z.string()]) })

const webhookBody = z.looseObject({
  action: z.string().min(1, 'must be a non-empty string'),
  alert: z.looseObject({ alertId: z.string().min(1, 'must be a non-empty string') }),
})

/** `fallbackMs` (when main received it) dates a frame whose own receivedAt is unreadable. */
export function readRelayFrame(data: string, fallbackMs: number): RelayFrame {
  const outer = parseJson(data, 'relay event')
  if (relayReset.safeParse(outer).success) return { kind: 'reset' }
  const frame = relayEvent.safeParse(outer)
  if (!frame.success) throw new IngestProblem(`not a relay event: ${issuesLine(frame.error)}`)
  const receivedMs = Date.parse(frame.data.receivedAt)
  return {
    kind: 'webhook',
    event: readWebhook(frame.data.payload, Number.isFinite(receivedMs) ? receivedMs : fallbackMs),
  }
}

/**
 * Reads one Opsgenie webhook body. `receivedMs` (the relay's clock) dates events that carry no time
 * of their own and bounds those that do: an `updatedAt` far ahead of it is clamped to it.
 */
export function readWebhook(raw: string, receivedMs: number): WebhookEvent {
  const parsed = webhookBody.safeParse(parseJson(raw, 'webhook payload', true))
  if (!parsed.success)
    throw new IngestProblem(`not an Opsgenie webhook payload: ${issuesLine(parsed.error)}`)
  const body = parsed.data
  const { action, alert } = body
  const claimed = nsText(alert['updatedAt'])
  const clamped = claimed === undefined ? undefined : clampToReceived(claimed, receivedMs)
  const updatedAt = clamped ?? claimed
  // The key keeps the claimed stamp: it is the relay's dedup rule, and repeats must still match.
  const stamp = claimed ?? escalationStamp(body) ?? `fnv:${fnv1a(raw)}`
  const atNs = updatedAt ?? toEpochNanos(Math.max(0, Math.trunc(receivedMs)))
  return {
    key: `${alert.alertId}|${action}|${stamp}`,
    action,
    alertId: alert.alertId,
    atNs,
    versionNs: updatedAt === undefined ? undefined : padNs(updatedAt),
    ...(clamped !== undefined ? { clampedFromNs: claimed } : {}),
    actor: stringOf(alert['username']),
    alert,
    body,
  }
}

/** Exact epoch-ns text from a number, big-integer text or numeric string; ms are scaled up. */
export function nsText(value: unknown): string | undefined {
  if (typeof value === 'string' && /^\d+$/.test(value)) return toEpochNanos(value)
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return toEpochNanos(value)
  return undefined
}

export function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined
}

function escalationStamp(body: Readonly<Record<string, unknown>>): string | undefined {
  const id = body['escalationId']
  if (typeof id !== 'string') return undefined
  return `escalation:${id}:${String(body['escalationTime'] ?? '')}:${String(body['repeatCount'] ?? '')}`
}

function parseJson(text: string, what: string, lossless = false): unknown {
  try {
    return lossless ? parseLossless(text) : JSON.parse(text)
  } catch (error) {
    throw new IngestProblem(`${what} is not JSON: ${(error as Error).message}`)
  }
}

/** A cheap stable digest, so byte-identical deliveries without any stamp still dedupe. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193)
  return (hash >>> 0).toString(16).padStart(8, '0')
}
