import {
  priorityToSeverity,
  severityToPriority,
  type Incident,
  type IncidentStatus,
} from '../../../../shared/domain'
import type { IncidentChange } from '../../sync'
import { incidentMarkerTag } from '../../outbox/commands'
import type { CoordinationContext } from './context'
import { read } from './context'
import { CoordinationError, getIncident, saveIncident } from './incident-repository'
import type { LocalIncident, LocalIncidentStatus } from './records'
import { addTimelineEntry } from './timeline'

const isDone = (s: IncidentStatus | undefined): boolean => s === 'resolved' || s === 'closed'

/**
 * Links an Opsgenie incident that already exists, read first so a mistyped id is refused rather
 * than linked. Linking sends nothing: the two sides may differ (severity, responders) until one
 * of them changes, and from then on each follows the other.
 */
export async function linkOpsgenieIncident(
  ctx: CoordinationContext,
  id: string,
  opsgenieIncidentId: string,
): Promise<LocalIncident> {
  const incident = await getIncident(ctx, id)
  if (incident.opsgenieIncidentId !== undefined)
    throw new CoordinationError('this incident is already linked to an Opsgenie incident')
  const found = await read(() =>
    ctx.port.incidents.get({ workspaceId: ctx.workspaceId, incidentId: opsgenieIncidentId.trim() }),
  )
  if (found === null)
    throw new CoordinationError(`Opsgenie has no incident ${opsgenieIncidentId.trim()}`)
  const others = await ctx.db.incidents.where('opsgenieIncidentId').equals(found.id).toArray()
  const other = others.find((o) => o.workspaceId === ctx.workspaceId)
  if (other !== undefined)
    throw new CoordinationError(`Opsgenie incident #${found.tinyId} is linked to "${other.title}"`)
  const linked = await saveIncident(ctx, {
    ...incident,
    opsgenieIncidentId: found.id,
    opsgenieStatus: found.status,
  })
  await addTimelineEntry(ctx, {
    incidentId: id,
    source: 'local',
    kind: 'opsgenie-incident',
    text: `Linked Opsgenie incident #${found.tinyId} "${found.message}" (${found.status}, ${found.priority})`,
    outcome: 'done',
  })
  return linked
}

/** Opsgenie incidents for the link picker: a search query as typed, or every open one. */
export async function searchOpsgenieIncidents(
  ctx: CoordinationContext,
  query: string,
): Promise<Incident[]> {
  const q = query.trim() === '' ? 'status:open' : query.trim()
  const page = await read(() => ctx.port.incidents.list({ workspaceId: ctx.workspaceId, query: q }))
  return page.items
}

/** The local incident an Opsgenie incident belongs to: by its id, or by the marker of our create. */
async function localFor(
  ctx: CoordinationContext,
  upstream: Incident,
): Promise<LocalIncident | undefined> {
  const byId = await ctx.db.incidents.where('opsgenieIncidentId').equals(upstream.id).toArray()
  const linked = byId.find((i) => i.workspaceId === ctx.workspaceId)
  if (linked !== undefined) return linked
  const marker = incidentMarkerTag('')
  for (const tag of upstream.tags) {
    if (!tag.startsWith(marker)) continue
    const commandId = tag.slice(marker.length)
    const created = await ctx.db.incidents.where('createCommandId').equals(commandId).first()
    if (created?.workspaceId === ctx.workspaceId) return created
  }
  return undefined
}

/**
 * Follows the linked Opsgenie incident's state onto the local incident: resolved or closed,
 * reopened, priority changed. Only a change the cache saw happen (`before` to `incident`) is
 * followed, and only when the local incident does not already agree, so a stale read cannot undo
 * a local edit, a redelivery changes nothing, and our own commands coming back are no-ops. The
 * local change queues nothing for Opsgenie (it already is that way): no loop.
 */
export async function followIncidentChanges(
  ctx: CoordinationContext,
  changes: readonly IncidentChange[],
): Promise<void> {
  for (const { before, incident: upstream } of changes) {
    const local = await localFor(ctx, upstream)
    if (local === undefined) continue
    let next: LocalIncident = { ...local, opsgenieIncidentId: upstream.id }
    const notes: { kind: string; text: string; status?: LocalIncidentStatus }[] = []
    const moved = before !== undefined && isDone(before.status) !== isDone(upstream.status)
    if (moved && isDone(upstream.status) && local.status !== 'resolved') {
      next = { ...next, status: 'resolved' }
      notes.push({
        kind: 'status',
        text: `Opsgenie incident ${upstream.status}: incident resolved`,
        status: 'resolved',
      })
    } else if (moved && !isDone(upstream.status) && local.status === 'resolved') {
      const { resolveCommandId: _done, ...rest } = next
      next = { ...rest, status: 'started' }
      notes.push({
        kind: 'status',
        text: 'Opsgenie incident reopened: incident started again',
        status: 'started',
      })
    }
    next = { ...next, opsgenieStatus: upstream.status }
    const severity = priorityToSeverity(upstream.priority)
    if (
      before !== undefined &&
      before.priority !== upstream.priority &&
      severityToPriority(local.severity) !== upstream.priority
    ) {
      next = { ...next, severity }
      notes.push({
        kind: 'severity',
        text: `Opsgenie incident priority changed to ${upstream.priority}: severity ${local.severity} to ${severity}`,
      })
    }
    const unchanged =
      notes.length === 0 &&
      local.opsgenieIncidentId === upstream.id &&
      local.opsgenieStatus === upstream.status
    if (unchanged) continue
    await saveIncident(ctx, next)
    for (const note of notes)
      await addTimelineEntry(ctx, {
        id: `upstream|${upstream.id}|${note.kind}|${upstream.updatedAt}`,
        incidentId: local.id,
        source: 'upstream',
        kind: `opsgenie-${note.kind}`,
        text: note.text,
        outcome: 'done',
      })
    for (const note of notes) {
      const trigger = note.kind === 'severity' ? 'severity-changed' : 'status-changed'
      await ctx.emit({ trigger, incidentId: local.id, causedBy: [] })
      if (note.status === 'resolved')
        await ctx.emit({ trigger: 'incident-resolved', incidentId: local.id, causedBy: [] })
    }
  }
}
