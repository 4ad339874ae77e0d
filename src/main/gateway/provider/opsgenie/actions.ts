import type { z } from 'zod'
import type { RateDomain } from '../../../../shared/opsgenie/rate-domains'
import type { ParsedCommandInput } from '../../../../shared/commands/catalogue'
import type {
  AlertTarget,
  IncidentResponderRef,
  IncidentTarget as IncidentTargetSchema,
} from '../../../../shared/provider/actions'
import type { ActionOutcome } from '../../../../shared/provider/outcome'
import type { RequestPriority } from '../../governor'
import type { Accepted, AlertRef, OpsgenieClient, ResponderInput } from './index'
import type { ResponderRef } from '../../../../shared/domain'
import type { Provider } from '../provider'

export type Send = (
  domain: RateDomain,
  priority: RequestPriority,
  call: () => Promise<Accepted>,
) => Promise<ActionOutcome>

type Target = z.output<typeof AlertTarget>

function ref(input: Target): AlertRef {
  return input.by === 'alias' ? { alias: input.alertId } : input.alertId
}

/** The common `user` / `note` fields every Opsgenie alert action accepts. */
function fields(input: Target): { user?: string; note?: string; source: string } {
  return {
    source: 'Ondeck',
    ...(input.user !== undefined ? { user: input.user } : {}),
    ...(input.note !== undefined ? { note: input.note } : {}),
  }
}

const definedOnly = <T extends object>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T

/** Our ResponderRef as the client takes it (users by name are sent as `username`). */
function responder<T extends ResponderRef | IncidentResponderRef>(
  r: T,
): ResponderInput & { type: T['type'] } {
  return definedOnly({ type: r.type, id: r.id, name: r.name })
}

export function alertActions(
  client: OpsgenieClient,
  send: Send,
): Omit<Provider['alerts'], 'get' | 'list' | 'notes'> {
  const a = client.alerts
  const run = (
    priority: RequestPriority | undefined,
    call: () => Promise<Accepted>,
  ): Promise<ActionOutcome> => send('alert', priority ?? 'user', call)
  return {
    acknowledge: (i, p) => run(p, () => a.acknowledge(ref(i), fields(i))),
    unacknowledge: (i, p) => run(p, () => a.unacknowledge(ref(i), fields(i))),
    close: (i, p) => run(p, () => a.close(ref(i), fields(i))),
    addNote: (i, p) => run(p, () => a.addNote(ref(i), { ...fields(i), note: i.note })),
    assign: (i, p) => run(p, () => a.assign(ref(i), { ...fields(i), owner: definedOnly(i.owner) })),
    addResponder: (i, p) =>
      run(p, () => a.addResponder(ref(i), { ...fields(i), responder: responder(i.responder) })),
    escalate: (i, p) =>
      run(p, () => a.escalate(ref(i), { ...fields(i), escalation: definedOnly(i.escalation) })),
    snooze: (i, p) => run(p, () => a.snooze(ref(i), { ...fields(i), endTime: i.endTime })),
    setPriority: (i, p) => run(p, () => a.updatePriority(ref(i), { priority: i.priority })),
    create: (i: ParsedCommandInput<'alerts:create'>, p) =>
      run(p, () =>
        a.create(
          definedOnly({
            ...i,
            source: i.source ?? 'Ondeck',
            responders: i.responders.map(responder),
          }),
        ),
      ),
  }
}

type IncidentTarget = z.output<typeof IncidentTargetSchema>

export function incidentActions(
  client: OpsgenieClient,
  send: Send,
): Omit<Provider['incidents'], 'get' | 'list' | 'notes'> {
  const inc = client.incidents
  const run = (
    priority: RequestPriority | undefined,
    call: () => Promise<Accepted>,
  ): Promise<ActionOutcome> => send('incident', priority ?? 'user', call)
  const note = (i: { note?: string | undefined }): { note?: string } =>
    i.note !== undefined ? { note: i.note } : {}
  return {
    resolve: (i: IncidentTarget, p) => run(p, () => inc.resolve(i.incidentId, note(i))),
    close: (i, p) => run(p, () => inc.close(i.incidentId, note(i))),
    reopen: (i, p) => run(p, () => inc.reopen(i.incidentId, note(i))),
    addNote: (i, p) => run(p, () => inc.addNote(i.incidentId, { note: i.note })),
    addResponders: (i, p) =>
      run(p, () =>
        inc.addResponders(i.incidentId, { ...note(i), responders: i.responders.map(responder) }),
      ),
    setPriority: (i, p) => run(p, () => inc.updatePriority(i.incidentId, { priority: i.priority })),
    updateDescription: (i, p) =>
      run(p, () => inc.updateDescription(i.incidentId, { description: i.description })),
    create: (i: ParsedCommandInput<'incidents:create'>, p) =>
      run(p, () => inc.create(definedOnly({ ...i, responders: i.responders.map(responder) }))),
  }
}
