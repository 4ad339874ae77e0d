import { assertNever } from '../../../shared/assert-never'
import type { Alert, Incident } from '../../../shared/domain'
import type { UpstreamEvent } from '../../../shared/domain/upstream-event'
import { addressed, rulesOf } from '../../../shared/commands/catalogue'
import { incidentMarkerTag, noteMarker } from './commands'
import type { OutboxCommand } from './record'

/**
 * What the intake has just shown the app of upstream, after the cache applied it: the alerts and
 * incidents as they now stand, and the text of notes that arrived. A relayed webhook for the
 * action itself shows a command's effect, so the outbox need not ask Opsgenie about it.
 */
export interface Observation {
  readonly alerts: readonly Alert[]
  readonly incidents: readonly Incident[]
  readonly notes: readonly string[]
}

/**
 * What one intake event shows by itself: a note's text (its marker confirms a note command) and
 * the entity an API read carries. A webhook's state change shows through the cache's rows
 * (`observedRows`), since the event alone does not carry the whole alert.
 */
export function intakeObservation(payload: UpstreamEvent): Observation | undefined {
  switch (payload.kind) {
    case 'alert-event':
      return payload.text === undefined ? undefined : { ...NOTHING, notes: [payload.text] }
    case 'alert':
      return { ...NOTHING, alerts: [payload.alert] }
    case 'incident':
      return { ...NOTHING, incidents: [payload.incident] }
    default:
      return undefined
  }
}

const NOTHING: Observation = { alerts: [], incidents: [], notes: [] }

/** The rows an ingest batch changed, as the cache now holds them. */
export function observedRows(
  changes: readonly { readonly alert: Alert }[],
  incidents: readonly { readonly incident: Incident }[],
): Observation {
  return {
    alerts: changes.map((c) => c.alert),
    incidents: incidents.map((c) => c.incident),
    notes: [],
  }
}

/** The command took effect; `entityId` when a create's entity was seen. */
export interface Observed {
  readonly entityId?: string
}

/**
 * Whether the observation shows this command's effect, by the same effect-once strategy
 * reconciliation reads the provider with (`verifyEffect`), applied to what arrived instead of a
 * lookup: a create by its alias or marker tag, a note by its marker, a state change by the state
 * it sets on its target. Commands with nothing to look at (`none`) are never observed: they are
 * followed by their request id.
 */
export function observedEffect(
  command: OutboxCommand,
  seen: Observation,
  resolvedIncidentId?: string,
): Observed | undefined {
  const effect = rulesOf(command.kind).effectOnce
  const a = addressed(command)
  switch (effect.strategy) {
    case 'none':
      return undefined
    case 'alias': {
      if (a.target !== 'new-alert') return undefined
      const found = seen.alerts.find((alert) => alert.alias === a.input.alias)
      return found === undefined ? undefined : { entityId: found.id }
    }
    case 'marker-tag': {
      const tag = incidentMarkerTag(command.id)
      const found = seen.incidents.find((incident) => incident.tags.includes(tag))
      return found === undefined ? undefined : { entityId: found.id }
    }
    case 'note-marker': {
      const marker = noteMarker(command.id)
      return seen.notes.some((note) => note.trimEnd().endsWith(marker)) ? {} : undefined
    }
    case 'state': {
      const found = targetOf(a, seen, resolvedIncidentId)
      return found !== undefined && effect.applied(found, command.input) ? {} : undefined
    }
    default:
      return assertNever(effect, 'effect-once strategy')
  }
}

function targetOf(
  a: ReturnType<typeof addressed>,
  seen: Observation,
  resolvedIncidentId?: string,
): (Alert & Incident) | undefined {
  let found: Alert | Incident | undefined
  if (a.target === 'alert') {
    const { alertId, by } = a.input
    found = seen.alerts.find((alert) =>
      by === 'alias' ? alert.alias === alertId : alert.id === alertId,
    )
  } else if (a.target === 'incident') {
    const incidentId = resolvedIncidentId ?? a.input.incidentId
    found = seen.incidents.find((incident) => incident.id === incidentId)
  }
  // the predicate belongs to the same entry as the target, so it reads the entity it expects
  return found as (Alert & Incident) | undefined
}
