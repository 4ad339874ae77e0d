import { z } from 'zod'
import type { Alert, Incident } from '../../../shared/domain'
import { AlertDetail, IncidentRecord } from '../../../shared/opsgenie/records'
import { toAlert, toIncident } from '../../../shared/opsgenie/to-domain'
import { issuesLine } from '../../../shared/zod-issues'
import { IngestProblem } from './webhook-event'

/**
 * The JSON of `poll` and `reconcile` events (main's `gateway/intake/payloads.ts`): Opsgenie list
 * records, parsed with the shared record schemas at the IPC boundary and mapped to the domain model
 * by the same functions main uses (`src/shared/opsgenie/`).
 */
const payload = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('alert'), reconcileId: z.string().optional(), alert: AlertDetail }),
  z.object({ kind: z.literal('incident'), incident: IncidentRecord }),
  z.object({
    kind: z.literal('open-alerts'),
    reconcileId: z.string(),
    startedAt: z.number(),
    alertIds: z.array(z.string()),
  }),
])

export type IntakePayload =
  | { readonly kind: 'alert'; readonly alert: Alert; readonly reconcileId?: string }
  | { readonly kind: 'incident'; readonly incident: Incident }
  | {
      readonly kind: 'open-alerts'
      readonly reconcileId: string
      readonly startedAt: number
      readonly alertIds: readonly string[]
    }

export function readIntakePayload(text: string): IntakePayload {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    throw new IngestProblem(`intake payload is not JSON: ${(error as Error).message}`)
  }
  const parsed = payload.safeParse(json)
  if (!parsed.success) {
    throw new IngestProblem(`unknown intake payload: ${issuesLine(parsed.error)}`)
  }
  const p = parsed.data
  try {
    if (p.kind === 'alert') {
      const alert = toAlert(p.alert)
      return p.reconcileId === undefined
        ? { kind: 'alert', alert }
        : { kind: 'alert', alert, reconcileId: p.reconcileId }
    }
    if (p.kind === 'incident') return { kind: 'incident', incident: toIncident(p.incident) }
    return p
  } catch (error) {
    throw new IngestProblem(
      `intake ${p.kind} does not fit the domain model: ${(error as Error).message}`,
    )
  }
}
