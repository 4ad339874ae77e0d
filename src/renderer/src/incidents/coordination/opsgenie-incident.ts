import { severityToPriority } from '../../../../shared/domain'
import type { IncidentResponderRef } from '../../../../shared/provider/actions'
import { incidentCreatedBy } from '../../outbox/commands'
import type { CoordinationContext } from './context'
import type { LocalIncident } from './records'
import { saveIncident } from './incident-repository'

export type LinkResult =
  | { kind: 'queued'; commandId: string; incident: LocalIncident }
  | { kind: 'skipped'; reason: string; incident: LocalIncident }

export function incidentResponders(incident: LocalIncident): IncidentResponderRef[] {
  return incident.responders.flatMap((r) =>
    r.type === 'team' || r.type === 'user'
      ? [
          {
            type: r.type,
            ...(r.id !== undefined ? { id: r.id } : {}),
            ...(r.name !== undefined ? { name: r.name } : {}),
          },
        ]
      : [],
  )
}

/**
 * Queues the linked Opsgenie incident (priority from severity, impacted services, responders).
 * Until the create is confirmed its id is `incidentCreatedBy(command)`, which later commands
 * use and the outbox resolves.
 */
export async function createOpsgenieIncident(
  ctx: CoordinationContext,
  incident: LocalIncident,
): Promise<LinkResult> {
  if (incident.opsgenieIncidentId !== undefined)
    return { kind: 'skipped', reason: 'the Opsgenie incident already exists', incident }
  const command = await ctx.outbox.enqueue({
    kind: 'incidents:create',
    input: {
      message: incident.title.slice(0, 130),
      description: incident.description.slice(0, 10_000),
      priority: severityToPriority(incident.severity),
      impactedServices: incident.serviceIds,
      responders: incidentResponders(incident),
      tags: incident.tags.filter((t) => t.length <= 50).slice(0, 19),
      details: { ondeckIncidentId: incident.id },
    },
  })
  const linked = await saveIncident(ctx, {
    ...incident,
    opsgenieIncidentId: incidentCreatedBy(command.id),
    createCommandId: command.id,
  })
  return { kind: 'queued', commandId: command.id, incident: linked }
}

/** Queues the resolve of the linked Opsgenie incident, once. */
export async function resolveOpsgenieIncident(
  ctx: CoordinationContext,
  incident: LocalIncident,
): Promise<LinkResult> {
  if (incident.opsgenieIncidentId === undefined)
    return { kind: 'skipped', reason: 'there is no linked Opsgenie incident', incident }
  if (incident.resolveCommandId !== undefined)
    return { kind: 'skipped', reason: 'its resolve is already queued', incident }
  if (incident.opsgenieStatus === 'resolved' || incident.opsgenieStatus === 'closed')
    return { kind: 'skipped', reason: `it is already ${incident.opsgenieStatus}`, incident }
  const command = await ctx.outbox.enqueue({
    kind: 'incidents:resolve',
    input: { incidentId: incident.opsgenieIncidentId },
  })
  const saved = await saveIncident(ctx, {
    ...incident,
    resolveCommandId: command.id,
    opsgenieStatus: 'resolved',
  })
  return { kind: 'queued', commandId: command.id, incident: saved }
}

/**
 * Queues the reopen of the linked Opsgenie incident when it is resolved (by our resolve or in
 * Opsgenie); one still open is left alone, so disabling the resolve workflow never sends a reopen.
 */
export async function reopenOpsgenieIncident(
  ctx: CoordinationContext,
  incident: LocalIncident,
): Promise<LinkResult> {
  const { resolveCommandId: _resolved, ...rest } = incident
  if (incident.opsgenieIncidentId === undefined)
    return { kind: 'skipped', reason: 'there is no linked Opsgenie incident', incident: rest }
  const resolved =
    incident.resolveCommandId !== undefined ||
    incident.opsgenieStatus === 'resolved' ||
    incident.opsgenieStatus === 'closed'
  if (!resolved) return { kind: 'skipped', reason: 'it is not resolved', incident: rest }
  const command = await ctx.outbox.enqueue({
    kind: 'incidents:reopen',
    input: { incidentId: incident.opsgenieIncidentId },
  })
  return { kind: 'queued', commandId: command.id, incident: { ...rest, opsgenieStatus: 'open' } }
}
