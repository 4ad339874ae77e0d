import type { IncidentRow } from '../db/rows'
import { severityToPriority, type Priority } from '../../../shared/domain'
import type { LocalIncident } from './coordination'

/**
 * One row of the Incidents list. A local incident linked to an Opsgenie incident the cache
 * holds is one row (Opsgenie's, with `local` set: "coordinated here"), never two.
 */
export type IncidentListRow =
  | {
      readonly kind: 'opsgenie'
      readonly key: string
      readonly incident: IncidentRow
      readonly local?: LocalIncident
    }
  | { readonly kind: 'local'; readonly key: string; readonly local: LocalIncident }

export function rowKey(kind: IncidentListRow['kind'], id: string): string {
  return `${kind}:${id}`
}

export function rowPriority(row: IncidentListRow): Priority {
  return row.kind === 'opsgenie' ? row.incident.priority : severityToPriority(row.local.severity)
}

function isOpen(row: IncidentListRow): boolean {
  return row.kind === 'opsgenie' ? row.incident.status === 'open' : row.local.status !== 'resolved'
}

function createdMs(row: IncidentListRow): number {
  return row.kind === 'opsgenie' ? row.incident.createdMs : row.local.declaredAt
}

/**
 * The Opsgenie incident a local one is linked to. Until coordination hears of the incident its
 * create made, the link is the create command's placeholder; `created` (create command id to the
 * incident id the outbox confirmed) resolves it, so the two rows join as soon as the cache has it.
 */
export function opsgenieIdOf(
  local: LocalIncident,
  created: ReadonlyMap<string, string>,
): string | undefined {
  const byCommand =
    local.createCommandId !== undefined ? created.get(local.createCommandId) : undefined
  return byCommand ?? local.opsgenieIncidentId
}

/** Open first, then priority, then newest: what needs a responder comes first. */
export function mergeIncidents(
  opsgenie: readonly IncidentRow[],
  local: readonly LocalIncident[],
  created: ReadonlyMap<string, string> = new Map(),
): IncidentListRow[] {
  const byOpsgenieId = new Map<string, LocalIncident>()
  for (const l of local) {
    const id = opsgenieIdOf(l, created)
    if (id !== undefined) byOpsgenieId.set(id, l)
  }
  const shown = new Set<string>()
  const rows: IncidentListRow[] = opsgenie.map((incident) => {
    const l = byOpsgenieId.get(incident.id)
    if (l !== undefined) shown.add(l.id)
    return {
      kind: 'opsgenie',
      key: rowKey('opsgenie', incident.id),
      incident,
      ...(l ? { local: l } : {}),
    }
  })
  for (const l of local) {
    if (!shown.has(l.id)) rows.push({ kind: 'local', key: rowKey('local', l.id), local: l })
  }
  return rows.sort(
    (a, b) =>
      Number(isOpen(b)) - Number(isOpen(a)) ||
      rowPriority(a).localeCompare(rowPriority(b)) ||
      createdMs(b) - createdMs(a),
  )
}

/** What the row's state column says: Opsgenie's status, or the local lifecycle. */
export function rowStatus(row: IncidentListRow): string {
  return row.kind === 'opsgenie' ? row.incident.status : row.local.status
}
