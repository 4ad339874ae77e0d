import type { CoordinationContext } from './context'
import type { LinkedAlert, LocalIncident } from './records'
import { getIncident } from './incident-repository'
import { addTimelineEntry } from './timeline'

/** A note on the incident's timeline and, when linked, on the Opsgenie incident. */
export async function addIncidentNote(
  ctx: CoordinationContext,
  id: string,
  text: string,
  meta: { workflowId?: string } = {},
): Promise<{ commandId?: string }> {
  const incident = await getIncident(ctx, id)
  let commandId: string | undefined
  if (incident.opsgenieIncidentId !== undefined) {
    const cmd = await ctx.outbox.enqueue({
      kind: 'incidents:addNote',
      input: { incidentId: incident.opsgenieIncidentId, note: text },
    })
    commandId = cmd.id
  }
  await addTimelineEntry(ctx, {
    incidentId: id,
    source: meta.workflowId !== undefined ? 'workflow' : 'local',
    kind: 'note',
    text,
    outcome: commandId !== undefined ? 'queued' : 'done',
    ...(commandId !== undefined ? { commandIds: [commandId] } : {}),
  })
  return commandId !== undefined ? { commandId } : {}
}

/** Ties an existing Opsgenie alert (by id or alias) to the incident; attaching twice is a no-op. */
export async function attachAlert(
  ctx: CoordinationContext,
  id: string,
  ref: { alertId?: string; alias?: string; message?: string },
): Promise<LinkedAlert> {
  const incident: LocalIncident = await getIncident(ctx, id)
  if (ref.alertId === undefined && ref.alias === undefined)
    throw new Error('cannot attach an alert without its id or alias')
  const existing = await findLinkedAlert(ctx, ref)
  if (existing !== undefined) return existing
  const row: LinkedAlert = {
    key: ref.alertId !== undefined ? `id:${ref.alertId}` : `alias:${String(ref.alias)}`,
    incidentId: incident.id,
    ...(ref.alertId !== undefined ? { alertId: ref.alertId } : {}),
    ...(ref.alias !== undefined ? { alias: ref.alias } : {}),
    responders: [],
    status: 'open',
    acknowledged: false,
    causedBy: [],
    linkedAt: ctx.now(),
  }
  await ctx.db.linkedAlerts.put(row)
  await addTimelineEntry(ctx, {
    incidentId: id,
    source: 'local',
    kind: 'alert-attached',
    text: `Attached alert ${ref.message ?? ref.alias ?? ref.alertId ?? ''}`,
    outcome: 'done',
  })
  return row
}

export async function findLinkedAlert(
  ctx: CoordinationContext,
  ref: { alertId?: string; alias?: string },
): Promise<LinkedAlert | undefined> {
  if (ref.alertId !== undefined) {
    const byId = await ctx.db.linkedAlerts.where('alertId').equals(ref.alertId).first()
    if (byId !== undefined) return byId
  }
  if (ref.alias !== undefined && ref.alias !== '')
    return ctx.db.linkedAlerts.where('alias').equals(ref.alias).first()
  return undefined
}
