import { assertNever } from '../../../shared/assert-never'
import { severityToPriority } from '../../../shared/domain'
import type { CoordinationContext } from '../incidents/coordination/context'
import { addResponders, assignRole } from '../incidents/coordination/incidents'
import { addIncidentNote } from '../incidents/coordination/notes'
import {
  createOpsgenieIncident,
  resolveOpsgenieIncident,
} from '../incidents/coordination/opsgenie-incident'
import { pageResponders } from '../incidents/coordination/paging'
import type { LocalIncident, TimelineOutcome } from '../incidents/coordination/records'
import {
  onCallUsers,
  resolveSchedule,
  schedulesOfServices,
  type ScheduleId,
} from '../incidents/coordination/schedules'
import { getIncident } from '../incidents/coordination/incident-repository'
import type { Action, TargetRef } from './workflow-schema'

export interface ActionResult {
  sentence: string
  outcome: TimelineOutcome
  commandIds: string[]
}

const named = (ref: TargetRef): string => ref.name ?? ref.id ?? '?'

/** What an action would do, in the responder's words ("pages schedule Infrastructure at P1"). */
export function describeAction(action: Action, incident?: LocalIncident): string {
  switch (action.type) {
    case 'page': {
      const priority =
        action.priority ??
        (incident ? severityToPriority(incident.severity) : 'the mapped priority')
      return `pages ${action.target} ${named(action.ref)} at ${priority}`
    }
    case 'create-opsgenie-incident':
      return incident?.opsgenieIncidentId !== undefined
        ? 'does not create the Opsgenie incident (it already exists)'
        : `creates the Opsgenie incident${incident ? ` at ${severityToPriority(incident.severity)}` : ''}`
    case 'add-oncall-responders':
      return action.schedule !== undefined
        ? `adds the on-call responders of schedule ${named(action.schedule)} to the incident`
        : "adds the on-call responders of the impacted services' schedules to the incident"
    case 'assign-oncall-role':
      return `assigns the on-call user of schedule ${named(action.schedule)} as ${action.role}`
    case 'resolve-opsgenie-incident':
      return 'resolves the linked Opsgenie incident'
    case 'add-note':
      return `adds the note "${action.text}"`
    default:
      return assertNever(action, 'workflow action')
  }
}

export interface ActionRun {
  workflowId: string
  causedBy: string[]
}

const skipped = (sentence: string): ActionResult => ({
  sentence,
  outcome: 'skipped',
  commandIds: [],
})
const queued = (sentence: string, ids: (string | undefined)[]): ActionResult => {
  const commandIds = ids.filter((i): i is string => i !== undefined)
  return { sentence, outcome: commandIds.length > 0 ? 'queued' : 'done', commandIds }
}

/** Carries out one action for an incident (every effect through the outbox). */
export async function executeAction(
  ctx: CoordinationContext,
  action: Action,
  incidentId: string,
  run: ActionRun,
): Promise<ActionResult> {
  const incident = await getIncident(ctx, incidentId)
  const meta = { workflowId: run.workflowId }
  switch (action.type) {
    case 'page': {
      const target = { type: action.target, ...action.ref }
      const r = await pageResponders(ctx, incident, [target], {
        ...(action.priority !== undefined ? { priority: action.priority } : {}),
        causedBy: run.causedBy,
        workflowId: run.workflowId,
      })
      return r.commandId === undefined
        ? skipped(`did not re-page ${action.target} ${named(action.ref)}: already responding`)
        : queued(`paged ${action.target} ${named(action.ref)} at ${r.priority}`, [r.commandId])
    }
    case 'create-opsgenie-incident': {
      const r = await createOpsgenieIncident(ctx, incident)
      return r.kind === 'skipped'
        ? skipped(`did not create the Opsgenie incident: ${r.reason}`)
        : queued(`created the Opsgenie incident at ${severityToPriority(incident.severity)}`, [
            r.commandId,
          ])
    }
    case 'add-oncall-responders': {
      const schedules: ScheduleId[] =
        action.schedule !== undefined
          ? [await resolveSchedule(ctx, action.schedule)]
          : await schedulesOfServices(ctx, incident.serviceIds)
      if (schedules.length === 0) return skipped('added no on-call responders: no schedule applies')
      const usernames = new Set<string>()
      for (const s of schedules) for (const u of await onCallUsers(ctx, s)) usernames.add(u)
      if (usernames.size === 0) return skipped('added no on-call responders: nobody is on call')
      const refs = [...usernames].map((name) => ({ type: 'user' as const, name }))
      const r = await addResponders(ctx, incidentId, refs, meta)
      if (r.added.length === 0) return skipped('added no on-call responders: all already respond')
      return queued(`added on-call responders ${r.added.map((a) => a.name).join(', ')}`, [
        r.commandId,
      ])
    }
    case 'assign-oncall-role': {
      const schedule = await resolveSchedule(ctx, action.schedule)
      const [user] = await onCallUsers(ctx, schedule)
      if (user === undefined)
        return skipped(`assigned nobody as ${action.role}: nobody is on call for ${schedule.name}`)
      await assignRole(ctx, incidentId, action.role, user, {
        ...meta,
        why: `on call for ${schedule.name}`,
      })
      return queued(`assigned ${user} (on call for ${schedule.name}) as ${action.role}`, [])
    }
    case 'resolve-opsgenie-incident': {
      const r = await resolveOpsgenieIncident(ctx, incident)
      return r.kind === 'skipped'
        ? skipped(`did not resolve the Opsgenie incident: ${r.reason}`)
        : queued('resolved the linked Opsgenie incident', [r.commandId])
    }
    case 'add-note': {
      const r = await addIncidentNote(ctx, incidentId, action.text, meta)
      return queued(`added the note "${action.text}"`, [r.commandId])
    }
    default:
      return assertNever(action, 'workflow action')
  }
}
