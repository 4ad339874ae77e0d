import { z } from 'zod'
import { severityToPriority, Severity, type ResponderRef } from '../../../../shared/domain'
import { IncidentResponderRef } from '../../../../shared/provider/actions'
import type { CoordinationContext } from './context'
import {
  createOpsgenieIncident,
  incidentResponders,
  reopenOpsgenieIncident,
} from './opsgenie-incident'
import { followSeverity } from './alert-priority'
import type { LocalIncident, LocalIncidentStatus } from './records'
import { CoordinationError, getIncident, sameResponder, saveIncident } from './incident-repository'
import { addTimelineEntry } from './timeline'

export const DeclareInput = z.object({
  title: z.string().trim().min(1, 'is required').max(130),
  severity: Severity,
  serviceIds: z.array(z.string().min(1)).default([]),
  incidentType: z.string().min(1).optional(),
  tags: z.array(z.string().min(1).max(50)).default([]),
  description: z.string().max(10_000).default(''),
  responders: z.array(IncidentResponderRef).default([]),
  /** Also open the linked Opsgenie incident now (a workflow can do it later instead). */
  createOpsgenieIncident: z.boolean().default(false),
})
export type DeclareInput = z.input<typeof DeclareInput>

function parse<T extends z.ZodType>(schema: T, input: unknown, what: string): z.output<T> {
  const parsed = schema.safeParse(input)
  if (parsed.success) return parsed.data
  const issue = parsed.error.issues[0]
  throw new CoordinationError(
    `cannot ${what}: ${issue?.path.join('.') || 'input'} ${issue?.message ?? 'is invalid'}`,
  )
}

export async function declareIncident(
  ctx: CoordinationContext,
  input: DeclareInput,
): Promise<LocalIncident> {
  const i = parse(DeclareInput, input, 'declare the incident')
  const now = ctx.now()
  let incident: LocalIncident = {
    id: ctx.newId(),
    workspaceId: ctx.workspaceId,
    title: i.title,
    severity: i.severity,
    serviceIds: i.serviceIds,
    ...(i.incidentType !== undefined ? { incidentType: i.incidentType } : {}),
    tags: i.tags,
    description: i.description,
    status: 'started',
    roles: {},
    responders: i.responders,
    declaredAt: now,
    updatedAt: now,
  }
  await ctx.db.incidents.put(incident)
  await addTimelineEntry(ctx, {
    incidentId: incident.id,
    source: 'local',
    kind: 'declared',
    text: `Declared ${i.severity} incident "${i.title}"`,
    outcome: 'done',
  })
  if (i.createOpsgenieIncident) {
    const linked = await createOpsgenieIncident(ctx, incident)
    incident = linked.incident
    if (linked.kind === 'queued') {
      await addTimelineEntry(ctx, {
        incidentId: incident.id,
        source: 'local',
        kind: 'opsgenie-incident',
        text: `Opened the Opsgenie incident at ${severityToPriority(i.severity)}`,
        outcome: 'queued',
        commandIds: [linked.commandId],
      })
    }
  }
  await ctx.emit({ trigger: 'incident-declared', incidentId: incident.id, causedBy: [] })
  return getIncident(ctx, incident.id)
}

/**
 * Moves the linked Opsgenie incident's priority, and the priority of the open alerts the incident
 * paged, with the severity (see `alert-priority.ts` for why attached alerts keep theirs).
 */
export async function changeSeverity(
  ctx: CoordinationContext,
  id: string,
  severity: Severity,
): Promise<LocalIncident> {
  const s = parse(Severity, severity, 'change the severity')
  const before = await getIncident(ctx, id)
  if (before.severity === s) return before
  const incident = await saveIncident(ctx, { ...before, severity: s })
  const priority = severityToPriority(s)
  const commandIds: string[] = []
  const effects: string[] = []
  if (incident.opsgenieIncidentId !== undefined) {
    const cmd = await ctx.outbox.enqueue({
      kind: 'incidents:setPriority',
      input: { incidentId: incident.opsgenieIncidentId, priority },
    })
    commandIds.push(cmd.id)
    effects.push(`Opsgenie incident to ${priority}`)
  }
  const alerts = await followSeverity(ctx, incident, priority)
  if (alerts.length > 0) {
    commandIds.push(...alerts)
    effects.push(`${alerts.length} paged alert${alerts.length > 1 ? 's' : ''} to ${priority}`)
  }
  await addTimelineEntry(ctx, {
    incidentId: id,
    source: 'local',
    kind: 'severity',
    text: `Severity changed from ${before.severity} to ${s}${effects.length > 0 ? ` (${effects.join(', ')})` : ''}`,
    outcome: commandIds.length > 0 ? 'queued' : 'done',
    commandIds,
  })
  await ctx.emit({ trigger: 'severity-changed', incidentId: id, causedBy: [] })
  return getIncident(ctx, id)
}

export async function changeDescription(
  ctx: CoordinationContext,
  id: string,
  description: string,
): Promise<LocalIncident> {
  const text = parse(z.string().max(10_000), description, 'change the description')
  const incident = await saveIncident(ctx, { ...(await getIncident(ctx, id)), description: text })
  const commandIds: string[] = []
  if (incident.opsgenieIncidentId !== undefined) {
    const cmd = await ctx.outbox.enqueue({
      kind: 'incidents:updateDescription',
      input: { incidentId: incident.opsgenieIncidentId, description: text },
    })
    commandIds.push(cmd.id)
  }
  await addTimelineEntry(ctx, {
    incidentId: id,
    source: 'local',
    kind: 'description',
    text: 'Description updated',
    outcome: commandIds.length > 0 ? 'queued' : 'done',
    commandIds,
  })
  return incident
}

/** Adds teams or users to the incident and, when linked, to the Opsgenie incident. */
export async function addResponders(
  ctx: CoordinationContext,
  id: string,
  responders: readonly ResponderRef[],
  meta: { workflowId?: string } = {},
): Promise<{ incident: LocalIncident; added: ResponderRef[]; commandId?: string }> {
  const refs = parse(z.array(IncidentResponderRef).min(1), responders, 'add responders')
  const before = await getIncident(ctx, id)
  const added = refs.filter((r) => !before.responders.some((e) => sameResponder(e, r)))
  if (added.length === 0) return { incident: before, added }
  const incident = await saveIncident(ctx, {
    ...before,
    responders: [...before.responders, ...added],
  })
  let commandId: string | undefined
  if (incident.opsgenieIncidentId !== undefined) {
    const cmd = await ctx.outbox.enqueue({
      kind: 'incidents:addResponders',
      input: {
        incidentId: incident.opsgenieIncidentId,
        responders: incidentResponders({ ...incident, responders: added }),
      },
    })
    commandId = cmd.id
  }
  await addTimelineEntry(ctx, {
    incidentId: id,
    source: meta.workflowId !== undefined ? 'workflow' : 'local',
    kind: 'responders',
    text: `Added responders ${added.map((r) => r.name ?? r.id).join(', ')}`,
    outcome: commandId !== undefined ? 'queued' : 'done',
    commandIds: commandId !== undefined ? [commandId] : [],
  })
  return { incident, added, ...(commandId !== undefined ? { commandId } : {}) }
}

const NEXT: Readonly<Record<LocalIncidentStatus, readonly LocalIncidentStatus[]>> = {
  started: ['mitigated', 'resolved'],
  mitigated: ['started', 'resolved'],
  resolved: ['started'],
}

/**
 * started -> mitigated -> resolved (and back to started). Resolving does not touch the linked
 * Opsgenie incident: the "resolve the Opsgenie incident" workflow (a default) is the one place
 * that decides, so disabling it keeps the Opsgenie incident open. Starting again reopens the
 * Opsgenie incident only if it is resolved.
 */
export async function transitionIncident(
  ctx: CoordinationContext,
  id: string,
  status: LocalIncidentStatus,
): Promise<LocalIncident> {
  const before = await getIncident(ctx, id)
  if (!NEXT[before.status].includes(status))
    throw new CoordinationError(`cannot move incident ${id} from ${before.status} to ${status}`)
  let next: LocalIncident = { ...before, status }
  const commandIds: string[] = []
  if (status === 'started') {
    const reopened = await reopenOpsgenieIncident(ctx, next)
    next = { ...reopened.incident, status }
    if (reopened.kind === 'queued') commandIds.push(reopened.commandId)
  }
  await saveIncident(ctx, next)
  await addTimelineEntry(ctx, {
    incidentId: id,
    source: 'local',
    kind: 'status',
    text: `Status changed from ${before.status} to ${status}${commandIds.length > 0 ? ' (Opsgenie incident reopened)' : ''}`,
    outcome: commandIds.length > 0 ? 'queued' : 'done',
    commandIds,
  })
  await ctx.emit({ trigger: 'status-changed', incidentId: id, causedBy: [] })
  if (status === 'resolved')
    await ctx.emit({ trigger: 'incident-resolved', incidentId: id, causedBy: [] })
  return getIncident(ctx, id)
}

export async function assignRole(
  ctx: CoordinationContext,
  id: string,
  role: string,
  username: string,
  meta: { workflowId?: string; why?: string } = {},
): Promise<LocalIncident> {
  const roles = await ctx.db.roles.where('workspaceId').equals(ctx.workspaceId).toArray()
  const def = roles.find((r) => r.id === role || r.name.toLowerCase() === role.toLowerCase())
  if (def === undefined)
    throw new CoordinationError(
      `no role "${role}"; roles are ${roles.map((r) => r.name).join(', ')}`,
    )
  const before = await getIncident(ctx, id)
  const incident = await saveIncident(ctx, {
    ...before,
    roles: { ...before.roles, [def.id]: { username, assignedAt: ctx.now() } },
  })
  await addTimelineEntry(ctx, {
    incidentId: id,
    source: meta.workflowId !== undefined ? 'workflow' : 'local',
    kind: 'role',
    text: `${username} is ${def.name}${meta.why !== undefined ? ` (${meta.why})` : ''}`,
    outcome: 'done',
  })
  return incident
}
