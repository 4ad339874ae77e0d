import type { IntakeEvent } from '../../../shared/ipc/schemas'
import { activityIdOf } from './apply-alert-event'

/**
 * A chunk of intake events (domain events, already read by main and checked at the IPC boundary)
 * and the keys its transaction must read. Pure main-thread work done before the transaction opens (ingest does it for the next chunk
 * while the current one is in IndexedDB), so the transaction holds only reads, apply and writes.
 */
export interface PreparedChunk {
  readonly events: readonly IntakeEvent[]
  readonly alertIds: readonly string[]
  readonly incidentIds: readonly string[]
  /** The timeline entries the alert events would write: finding one is finding a repeat delivery. */
  readonly activityIds: readonly string[]
  /**
   * For each of `activityIds`, the alert whose creation entry it is (undefined for other
   * entries): a new alert's creation can have no entry of its own, so it need not be read.
   */
  readonly creationOf: readonly (string | undefined)[]
  /** A reconciliation needs every open alert of the cache, read inside the transaction. */
  readonly reconciles: boolean
}

export function prepareChunk(events: readonly IntakeEvent[]): PreparedChunk {
  const alertIds = new Set<string>()
  const incidentIds = new Set<string>()
  const activityIds = new Map<string, string | undefined>()
  let reconciles = false
  for (const { payload: d } of events) {
    if (d.kind === 'alert-event') {
      alertIds.add(d.alertId)
      activityIds.set(activityIdOf(d), d.activity === 'created' ? d.alertId : undefined)
    } else if (d.kind === 'alert') alertIds.add(d.alert.id)
    else if (d.kind === 'incident') incidentIds.add(d.incident.id)
    else if (d.kind === 'open-alerts') reconciles = true
  }
  return {
    events,
    alertIds: [...alertIds],
    incidentIds: [...incidentIds],
    activityIds: [...activityIds.keys()],
    creationOf: [...activityIds.values()],
    reconciles,
  }
}
