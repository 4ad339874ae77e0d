import { severityToPriority, type Priority, type ResponderRef } from '../../../../shared/domain'
import type { CoordinationContext } from './context'
import type { LocalIncident } from './records'
import { describeResponder, getSettings, sameResponder } from './incident-repository'
import { addTimelineEntry } from './timeline'

export interface PageOptions {
  /** Default: the incident's severity mapped to a priority. */
  priority?: Priority
  message?: string
  /** The workflows whose run asked for this page (loop protection). */
  causedBy?: string[]
  workflowId?: string
}

export interface PageResult {
  paged: ResponderRef[]
  /** Already on the incident's open alert or Opsgenie incident, so not paged again. */
  skipped: ResponderRef[]
  commandId?: string
  alias?: string
  priority: Priority
}

/** Who is already on an active Opsgenie alert or incident linked to this incident. */
export async function activeResponders(
  ctx: CoordinationContext,
  incident: LocalIncident,
): Promise<ResponderRef[]> {
  const alerts = await ctx.db.linkedAlerts.where('incidentId').equals(incident.id).toArray()
  const onAlerts = alerts.filter((a) => a.status === 'open').flatMap((a) => a.responders)
  const onIncident =
    incident.opsgenieIncidentId !== undefined && incident.status !== 'resolved'
      ? incident.responders
      : []
  return [...onAlerts, ...onIncident]
}

/**
 * Pages responders with an Opsgenie alert linked to the incident (alias `ondeck-<command>`,
 * details `ondeckIncidentId`). Unless the workspace re-pages existing responders, those already
 * on an active linked alert or incident are left out; if nobody is left, nothing is sent.
 */
export async function pageResponders(
  ctx: CoordinationContext,
  incident: LocalIncident,
  targets: readonly ResponderRef[],
  options: PageOptions = {},
): Promise<PageResult> {
  const priority = options.priority ?? severityToPriority(incident.severity)
  const settings = await getSettings(ctx)
  const existing = settings.repageExistingResponders ? [] : await activeResponders(ctx, incident)
  const paged = targets.filter((t) => !existing.some((e) => sameResponder(e, t)))
  const skipped = targets.filter((t) => !paged.includes(t))
  const source = options.workflowId !== undefined ? 'workflow' : 'local'
  if (paged.length === 0) {
    await addTimelineEntry(ctx, {
      incidentId: incident.id,
      source,
      kind: 'page',
      text: `Did not re-page ${skipped.map(describeResponder).join(', ')}: already on an active alert or incident`,
      outcome: 'skipped',
      ...(options.workflowId !== undefined ? { workflowId: options.workflowId } : {}),
    })
    return { paged, skipped, priority }
  }
  const command = await ctx.outbox.enqueue({
    kind: 'alerts:create',
    input: {
      message: (options.message ?? `[${incident.severity}] ${incident.title}`).slice(0, 130),
      description: incident.description.slice(0, 15_000),
      responders: paged,
      priority,
      tags: ['ondeck-incident', ...incident.tags.filter((t) => t.length <= 50).slice(0, 19)],
      details: { ondeckIncidentId: incident.id },
      source: 'Ondeck',
    },
  })
  const alias = command.kind === 'alerts:create' ? String(command.input.alias) : ''
  await ctx.db.linkedAlerts.put({
    key: `alias:${alias}`,
    incidentId: incident.id,
    alias,
    commandId: command.id,
    responders: paged,
    status: 'open',
    acknowledged: false,
    priority,
    causedBy: options.causedBy ?? [],
    linkedAt: ctx.now(),
  })
  await addTimelineEntry(ctx, {
    incidentId: incident.id,
    source,
    kind: 'page',
    text: `Paged ${paged.map(describeResponder).join(', ')} at ${priority}`,
    outcome: 'queued',
    commandIds: [command.id],
    ...(options.workflowId !== undefined ? { workflowId: options.workflowId } : {}),
  })
  return { paged, skipped, commandId: command.id, alias, priority }
}
