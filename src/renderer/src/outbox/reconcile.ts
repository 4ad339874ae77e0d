import { assertNever } from '../../../shared/assert-never'
import type { Alert, Incident } from '../../../shared/domain'
import type { Envelope } from '../../../shared/ipc/envelope'
import { incidentMarkerTag, noteMarker } from './commands'
import type { OutboxPort } from './port'
import type { OutboxCommand } from './record'

/**
 * After a send whose outcome is unknown, whether it took effect:
 * - applied: it did (do not send again); `entityId` when a create's entity was found;
 * - not-applied: it did not, or sending again cannot add a second effect;
 * - gone: the target does not exist (permanent);
 * - retry: the lookup itself failed; look again later.
 */
export type Reconciled =
  | { kind: 'applied'; entityId?: string }
  | { kind: 'not-applied' }
  | { kind: 'gone'; message: string }
  | { kind: 'retry'; message: string }

class LookupFailed extends Error {}

async function read<T>(call: () => Promise<Envelope<T>>): Promise<T> {
  const answer = await call()
  if (!answer.ok) throw new LookupFailed(answer.error.message)
  return answer.value
}

const verdict = (applied: boolean, entityId?: string): Reconciled =>
  applied
    ? { kind: 'applied', ...(entityId !== undefined ? { entityId } : {}) }
    : { kind: 'not-applied' }

/**
 * Looks at the provider's current state, per command type: creates by their alias (alerts) or
 * marker tag (incidents), notes by their marker, state changes by the state they set. Adding a
 * responder or escalating has nothing to look at: a resend of the former is a no-op upstream,
 * the latter may escalate twice (README.md).
 */
export async function reconcile(
  port: OutboxPort,
  command: OutboxCommand,
  incidentId?: string,
): Promise<Reconciled> {
  try {
    return await lookUp(port, command, incidentId)
  } catch (error) {
    return { kind: 'retry', message: error instanceof Error ? error.message : String(error) }
  }
}

async function lookUp(
  port: OutboxPort,
  command: OutboxCommand,
  incidentId = String(command.input['incidentId']),
): Promise<Reconciled> {
  const workspaceId = command.workspaceId
  const input = command.input
  const marker = noteMarker(command.id)
  const alertRef = { workspaceId, alertId: String(input['alertId']), by: alertBy(input) }
  const alert = (): Promise<Alert | null> => read(() => port.alerts.get(alertRef))
  const incident = (): Promise<Incident | null> =>
    read(() => port.incidents.get({ workspaceId, incidentId }))
  const onAlert = async (test: (a: Alert) => boolean): Promise<Reconciled> => {
    const found = await alert()
    return found === null ? gone('alert') : verdict(test(found))
  }
  const onIncident = async (test: (i: Incident) => boolean): Promise<Reconciled> => {
    const found = await incident()
    return found === null ? gone('incident') : verdict(test(found))
  }
  switch (command.kind) {
    case 'alerts:create': {
      const alias = String(input['alias'])
      const found = await read(() => port.alerts.get({ workspaceId, alertId: alias, by: 'alias' }))
      return verdict(found !== null, found?.id)
    }
    case 'alerts:acknowledge':
      return onAlert((a) => a.acknowledged || a.status === 'closed')
    case 'alerts:unacknowledge':
      return onAlert((a) => !a.acknowledged)
    case 'alerts:close':
      return onAlert((a) => a.status === 'closed')
    case 'alerts:setPriority':
      return onAlert((a) => a.priority === input['priority'])
    case 'alerts:assign': {
      const owner = input['owner'] as { id?: string; username?: string }
      return onAlert((a) => a.owner !== undefined && a.owner === (owner.username ?? owner.id))
    }
    case 'alerts:snooze':
      return onAlert(
        (a) =>
          a.snoozedUntil !== undefined &&
          Date.parse(a.snoozedUntil) === Date.parse(String(input['endTime'])),
      )
    case 'alerts:addNote': {
      const notes = await read(() => port.alerts.notes(alertRef))
      return notes === null ? gone('alert') : verdict(notes.some((n) => n.note.endsWith(marker)))
    }
    case 'alerts:addResponder':
    case 'alerts:escalate':
    case 'incidents:addResponders':
      return { kind: 'not-applied' }
    case 'incidents:create': {
      const query = `tag:${incidentMarkerTag(command.id)}`
      const page = await read(() => port.incidents.list({ workspaceId, query }))
      const found = page.items[0]
      return verdict(found !== undefined, found?.id)
    }
    case 'incidents:resolve':
      return onIncident((i) => i.status === 'resolved')
    case 'incidents:close':
      return onIncident((i) => i.status === 'closed')
    case 'incidents:reopen':
      return onIncident((i) => i.status === 'open')
    case 'incidents:setPriority':
      return onIncident((i) => i.priority === input['priority'])
    case 'incidents:updateDescription':
      return onIncident((i) => (i.description ?? '') === input['description'])
    case 'incidents:addNote': {
      const notes = await read(() => port.incidents.notes({ workspaceId, incidentId }))
      return notes === null ? gone('incident') : verdict(notes.some((n) => n.note.endsWith(marker)))
    }
    default:
      return assertNever(command.kind, 'outbox command kind')
  }
}

function alertBy(input: Record<string, unknown>): 'id' | 'alias' {
  return input['by'] === 'alias' ? 'alias' : 'id'
}

function gone(what: string): Reconciled {
  return { kind: 'gone', message: `the ${what} no longer exists` }
}
