import type { UpstreamEvent } from '../../src/shared/domain'
import type { IntakeEvent } from '../../src/shared/ipc/schemas'
import { decodeRelayFrame } from '../../src/main/gateway/provider/opsgenie/events'
import {
  AlertDetail,
  IncidentRecord,
} from '../../src/main/gateway/provider/opsgenie/schemas/records'
import { toAlert, toIncident } from '../../src/main/gateway/provider/opsgenie/record-mapping'
import { issuesLine } from '../../src/shared/zod-issues'

/**
 * Intake events as main sends them, built from what Opsgenie sends: every webhook and every listed
 * record goes through main's real decoder (the provider's `decodePush`, the client's record
 * schemas and mapping), so renderer tests and benchmarks feed the renderer exactly what it gets.
 */

let relayId = 0

/** The relay's SSE `data:` JSON for one stored webhook (without the relay's key, unless given). */
export function relayFrame(
  webhook: string,
  receivedAt: number,
  id: number,
  dedupKey?: string,
): string {
  return JSON.stringify({
    id,
    receivedAt: new Date(receivedAt).toISOString(),
    ...(dedupKey !== undefined ? { dedupKey } : {}),
    payload: webhook,
  })
}

/** One relayed webhook, decoded by main; `id` defaults to the next of a module-wide sequence. */
export function relayEvent(
  webhook: string,
  receivedAt = Date.parse('2026-11-27T00:00:00Z'),
  options: { readonly id?: number; readonly workspaceId?: string } = {},
): IntakeEvent {
  const id = options.id ?? ++relayId
  return {
    workspaceId: options.workspaceId ?? 'w',
    cursor: `relay:${id}`,
    source: 'relay',
    receivedAt,
    payload: decodeRelayFrame(relayFrame(webhook, receivedAt, id), receivedAt),
  }
}

/** A listed Opsgenie record or a reconciliation's end, as main's poller and reconciler send it. */
export type ListedPayload =
  | { readonly kind: 'alert'; readonly alert: unknown; readonly reconcileId?: string }
  | { readonly kind: 'incident'; readonly incident: unknown }
  | {
      readonly kind: 'open-alerts'
      readonly reconcileId: string
      readonly startedAt: number
      readonly alertIds: readonly string[]
    }

const unknown = (error: Parameters<typeof issuesLine>[0]): string =>
  `unknown intake payload: ${issuesLine(error)}`

/** A listed record read as main reads it (client schema, then the domain mapping). */
export function listedEvent(payload: ListedPayload): UpstreamEvent {
  const raw = JSON.stringify(payload)
  try {
    if (payload.kind === 'open-alerts') return { ...payload, alertIds: [...payload.alertIds] }
    if (payload.kind === 'incident') {
      const record = IncidentRecord.safeParse(payload.incident)
      if (!record.success) return { kind: 'problem', reason: unknown(record.error), raw }
      return { kind: 'incident', incident: toIncident(record.data) }
    }
    const record = AlertDetail.safeParse(payload.alert)
    if (!record.success) return { kind: 'problem', reason: unknown(record.error), raw }
    const alert = toAlert(record.data)
    return payload.reconcileId === undefined
      ? { kind: 'alert', alert }
      : { kind: 'alert', alert, reconcileId: payload.reconcileId }
  } catch (error) {
    return { kind: 'problem', reason: `does not fit the domain model: ${String(error)}`, raw }
  }
}

export function pollEvent(
  payload: ListedPayload,
  cursor = 'poll:1:1',
  source: IntakeEvent['source'] = 'poll',
  /** When main received the page: an API read is trusted over webhooks that arrived before it. */
  receivedAt = Date.now(),
): IntakeEvent {
  return { workspaceId: 'w', cursor, source, receivedAt, payload: listedEvent(payload) }
}
