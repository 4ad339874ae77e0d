import {
  severityToPriority,
  type Alert,
  type Priority,
  type ResponderRef,
} from '../../../../shared/domain'
import { identifyResponder } from '../../db/responder-reads'
import type { CoordinationContext } from './context'
import type { LinkedAlert, LocalIncident } from './records'
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

/**
 * Who already responds to this incident: the responders of every open linked alert, paged or
 * attached, read live from Opsgenie (someone may have added responders there; an attached alert
 * stores none of its own), falling back to the cached alert and then to what we recorded when the
 * read fails (offline) or finds nothing (a page still queued); plus the linked, unresolved
 * Opsgenie incident's responders. An alert the live read shows closed no longer counts.
 */
export async function activeResponders(
  ctx: CoordinationContext,
  incident: LocalIncident,
): Promise<ResponderRef[]> {
  const alerts = await ctx.db.linkedAlerts.where('incidentId').equals(incident.id).toArray()
  const onAlerts: ResponderRef[] = []
  for (const link of alerts) {
    if (link.status !== 'open') continue
    const live = await liveAlert(ctx, link)
    if (live?.status === 'closed') continue
    onAlerts.push(...(live?.responders ?? []), ...link.responders)
  }
  const onIncident =
    incident.opsgenieIncidentId !== undefined && incident.status !== 'resolved'
      ? incident.responders
      : []
  return [...onAlerts, ...onIncident]
}

/** The alert as Opsgenie has it now, else as the cache has it; undefined when neither knows it. */
async function liveAlert(
  ctx: CoordinationContext,
  link: LinkedAlert,
): Promise<Pick<Alert, 'status' | 'responders'> | undefined> {
  const byId = link.alertId !== undefined
  const key = link.alertId ?? link.alias
  if (key === undefined) return undefined
  try {
    const answer = await ctx.port.alerts.get({
      workspaceId: ctx.workspaceId,
      alertId: key,
      by: byId ? 'id' : 'alias',
    })
    if (answer.ok && answer.value !== null) return answer.value
  } catch {
    // unreachable main: what the cache and our own record know has to do
  }
  if (ctx.cache === undefined) return undefined
  return byId ? ctx.cache.alerts.get(key) : ctx.cache.alerts.where('alias').equals(key).first()
}

/** Both references resolved through the cached directory, so an id matches a name. */
async function identified(
  ctx: CoordinationContext,
  refs: readonly ResponderRef[],
): Promise<ResponderRef[]> {
  const cache = ctx.cache
  if (cache === undefined) return [...refs]
  return Promise.all(refs.map((r) => identifyResponder(cache, r)))
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
  const existing = settings.repageExistingResponders
    ? []
    : await identified(ctx, await activeResponders(ctx, incident))
  const asked = await identified(ctx, targets)
  const paged = targets.filter((t, i) => !existing.some((e) => sameResponder(e, asked[i] ?? t)))
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
