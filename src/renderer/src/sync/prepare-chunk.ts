import type { IntakeEvent } from '../../../shared/ipc/schemas'
import { activityIdOf } from './apply-webhook'
import { decode, type Decoded } from './decode'

/**
 * A chunk of intake events read into what they ask of the cache, and the keys its transaction must
 * read. Pure main-thread work done before the transaction opens (ingest does it for the next chunk
 * while the current one is in IndexedDB), so the transaction holds only reads, apply and writes.
 */
export interface PreparedChunk {
  readonly events: readonly IntakeEvent[]
  readonly decoded: readonly Decoded[]
  readonly alertIds: readonly string[]
  readonly incidentIds: readonly string[]
  /** The timeline entries the webhooks would write: finding one is finding a repeat delivery. */
  readonly activityIds: readonly string[]
  /** A reconciliation needs every open alert of the cache, read inside the transaction. */
  readonly reconciles: boolean
}

export function prepareChunk(events: readonly IntakeEvent[]): PreparedChunk {
  const decoded = events.map(decode)
  const alertIds = new Set<string>()
  const incidentIds = new Set<string>()
  const activityIds = new Set<string>()
  let reconciles = false
  for (const d of decoded) {
    if (d.kind === 'webhook') {
      alertIds.add(d.event.alertId)
      activityIds.add(activityIdOf(d.event))
    } else if (d.kind === 'alert') alertIds.add(d.alert.id)
    else if (d.kind === 'incident') incidentIds.add(d.incident.id)
    else if (d.kind === 'open-alerts') reconciles = true
  }
  return {
    events,
    decoded,
    alertIds: [...alertIds],
    incidentIds: [...incidentIds],
    activityIds: [...activityIds],
    reconciles,
  }
}
