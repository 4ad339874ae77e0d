import { z } from 'zod'
import {
  FUTURE_SKEW_MS,
  parsePriority,
  toEpochNanos,
  UpstreamEvent,
  type AlertFields,
} from '../../../../shared/domain'
import { readWebhookBody, type WebhookBody } from '../../../../shared/opsgenie/webhook'
import { issuesLine } from '../../../../shared/zod-issues'
import {
  actionOf,
  activityKindOf,
  addedRespondersOf,
  effectOf,
  escalationOf,
  stringOf,
  stringsOf,
  tagChangeOf,
  textOf,
} from './webhook-actions'

/**
 * Push events from Opsgenie, read into domain `UpstreamEvent`s: the relay's SSE frames and the
 * webhook bodies inside them. Nothing here throws; input that cannot be read becomes a `problem`
 * event with its raw text, so the renderer records it and its cursor still moves on.
 */

/** The relay's SSE `data:` JSON: one stored webhook, or a `reset` saying it skipped events. */
const relayEvent = z.object({
  id: z.union([z.number(), z.string()]),
  receivedAt: z.string(),
  payload: z.string(),
  dedupKey: z.string().min(1).optional(),
})
const relayReset = z.object({ reason: z.string(), lastEventId: z.union([z.number(), z.string()]) })

class Unreadable extends Error {}

/** `fallbackMs` (when main received it) dates a frame whose own receivedAt is unreadable. */
export function decodeRelayFrame(data: string, fallbackMs: number): UpstreamEvent {
  let outer: unknown
  try {
    outer = JSON.parse(data)
  } catch (error) {
    return problem(`relay event is not JSON: ${(error as Error).message}`, data)
  }
  const reset = relayReset.safeParse(outer)
  if (reset.success) return { kind: 'gap', reason: `relay reset: ${reset.data.reason}` }
  const frame = relayEvent.safeParse(outer)
  if (!frame.success) return problem(`not a relay event: ${issuesLine(frame.error)}`, data)
  const receivedMs = Date.parse(frame.data.receivedAt)
  const at = Number.isFinite(receivedMs) ? receivedMs : fallbackMs
  return decodeWebhook(frame.data.payload, at, { dedupKey: frame.data.dedupKey, raw: data })
}

/**
 * Reads one webhook body. `receivedMs` (the relay's clock) dates events that carry no time of
 * their own and bounds those that do: an `updatedAt` far ahead of it is clamped to it. The relay's
 * dedup key is carried through when it sent one (it is the same rule, see the shared module).
 */
export function decodeWebhook(
  body: string,
  receivedMs: number,
  from: { readonly dedupKey?: string | undefined; readonly raw?: string } = {},
): UpstreamEvent {
  const raw = from.raw ?? body
  const read = readWebhookBody(body)
  if (!read.ok) {
    return read.problem === 'not-json'
      ? problem(`webhook payload ${read.reason.replace(/^body /, '')}`, raw)
      : problem(`not an Opsgenie webhook payload: ${read.reason}`, raw)
  }
  try {
    const event = UpstreamEvent.safeParse(alertEvent(read.webhook, receivedMs, from.dedupKey))
    if (event.success) return event.data
    return problem(`webhook does not fit the domain model: ${issuesLine(event.error)}`, raw)
  } catch (error) {
    const reason = error instanceof Unreadable ? error.message : `could not read webhook: ${error}`
    return problem(reason, raw)
  }
}

function alertEvent(webhook: WebhookBody, receivedMs: number, relayKey: string | undefined) {
  const { alert: a, action: name, alertId } = webhook
  const action = actionOf(name)
  const claimed = nsText(a['updatedAt'])
  if (action === 'custom' && claimed === undefined)
    throw new Unreadable(
      `unknown action "${name}" without alert.updatedAt: cannot order or apply it`,
    )
  const clamped = claimed === undefined ? undefined : clampToReceived(claimed, receivedMs)
  const versionNs = clamped ?? claimed
  const escalation = action === 'Escalate' ? escalationOf(webhook.body) : undefined
  const actor = stringOf(a['username']) ?? escalation?.by
  const text = textOf(action, a) ?? escalation?.text
  const created = nsText(a['createdAt'])
  return {
    kind: 'alert-event' as const,
    key: relayKey ?? webhook.dedupKey,
    alertId,
    activity: activityKindOf(action),
    action: name,
    atNs: versionNs ?? toEpochNanos(Math.max(0, Math.trunc(receivedMs))),
    ...(versionNs !== undefined ? { versionNs } : {}),
    ...(clamped !== undefined ? { clampedFromNs: claimed } : {}),
    ...(actor !== undefined ? { actor } : {}),
    ...(text !== undefined ? { text } : {}),
    fields: fieldsOf(a),
    // Nothing is created after its last update: a later createdAt is forged or broken.
    ...(created !== undefined && versionNs !== undefined && BigInt(created) <= BigInt(versionNs)
      ? { createdAt: nsToIso(created) }
      : {}),
    addTeams: Array.isArray(a['teams']) ? stringsOf(a['teams']) : [],
    addResponders: addedRespondersOf(action, a),
    ...optional('tags', tagChangeOf(action, a)),
    effect: effectOf(action, a, stringOf(a['username'])),
  }
}

/** The fields most webhooks repeat (message, tags, priority, ...). */
function fieldsOf(a: Readonly<Record<string, unknown>>): AlertFields {
  const fields: AlertFields = {}
  for (const field of ['message', 'tinyId', 'alias', 'entity', 'source', 'description'] as const) {
    const value = typeof a[field] === 'number' ? String(a[field]) : stringOf(a[field])
    if (value !== undefined) fields[field] = value
  }
  const priority = parsePriority(a['priority'])
  if (priority !== undefined) fields.priority = priority
  const details = detailsOf(a['details'])
  if (details !== undefined) fields.details = details
  return fields
}

/** The claimed `updatedAt` clamped to the relay's receivedAt, or undefined when it is plausible. */
export function clampToReceived(claimedNs: string, receivedMs: number): string | undefined {
  const limit = BigInt(Math.max(0, Math.trunc(receivedMs + FUTURE_SKEW_MS))) * 1_000_000n
  return BigInt(claimedNs) > limit ? toEpochNanos(Math.max(0, Math.trunc(receivedMs))) : undefined
}

/** Exact epoch-ns text from a number, big-integer text or numeric string; ms are scaled up. */
export function nsText(value: unknown): string | undefined {
  if (typeof value === 'string' && /^\d+$/.test(value)) return toEpochNanos(value)
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return toEpochNanos(value)
  return undefined
}

/** Epoch ns text -> ISO text (ms precision), the domain's time format. */
function nsToIso(ns: string): string {
  return new Date(Number(BigInt(ns) / 1_000_000n)).toISOString()
}

function detailsOf(value: unknown): Record<string, string> | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined
  return Object.fromEntries(
    Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string'),
  )
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V }
}

function problem(reason: string, raw: string): UpstreamEvent {
  return { kind: 'problem', reason, raw }
}
