import { assertNever } from '../../../shared/assert-never'
import type { Alert, Incident } from '../../../shared/domain'
import type { Envelope } from '../../../shared/ipc/envelope'
import { addressed, rulesOf, type Addressed } from '../../../shared/commands/catalogue'
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
export type EffectVerdict =
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

const verdict = (applied: boolean, entityId?: string): EffectVerdict =>
  applied
    ? { kind: 'applied', ...(entityId !== undefined ? { entityId } : {}) }
    : { kind: 'not-applied' }

/**
 * Looks at the provider's current state as the command's effect-once strategy says (catalogue):
 * creates by their alias (alerts) or marker tag (incidents), notes by their marker, state changes
 * by the state they set. Commands with nothing to look at (adding a responder, escalating) are
 * `not-applied`: what a resend does is in their catalogue entry (README.md).
 */
export async function verifyEffect(
  port: OutboxPort,
  command: OutboxCommand,
  incidentId?: string,
): Promise<EffectVerdict> {
  try {
    return await lookUp(port, command, incidentId)
  } catch (error) {
    return { kind: 'retry', message: error instanceof Error ? error.message : String(error) }
  }
}

async function lookUp(
  port: OutboxPort,
  command: OutboxCommand,
  resolvedIncidentId?: string,
): Promise<EffectVerdict> {
  const { workspaceId } = command
  const effect = rulesOf(command.kind).effectOnce
  const a = addressed(command)
  switch (effect.strategy) {
    case 'none':
      return { kind: 'not-applied' }
    case 'alias': {
      if (a.target !== 'new-alert') return misdeclared(command)
      const alias = String(a.input.alias)
      const found = await read(() => port.alerts.get({ workspaceId, alertId: alias, by: 'alias' }))
      return verdict(found !== null, found?.id)
    }
    case 'marker-tag': {
      const query = `tag:${incidentMarkerTag(command.id)}`
      const page = await read(() => port.incidents.list({ workspaceId, query }))
      const found = page.items[0]
      return verdict(found !== undefined, found?.id)
    }
    case 'note-marker': {
      const marker = noteMarker(command.id)
      const notes = await readNotes(port, a, workspaceId, resolvedIncidentId)
      return notes === null ? gone(a.target) : verdict(notes.some((n) => n.note.endsWith(marker)))
    }
    case 'state': {
      const found = await readEntity(port, a, workspaceId, resolvedIncidentId)
      return found === null ? gone(a.target) : verdict(effect.applied(found, command.input))
    }
    default:
      return assertNever(effect, 'effect-once strategy')
  }
}

type Note = { note: string }

function readNotes(
  port: OutboxPort,
  a: Addressed,
  workspaceId: string,
  resolvedIncidentId?: string,
): Promise<Note[] | null> {
  if (a.target === 'alert') {
    const { alertId, by } = a.input
    return read(() =>
      port.alerts.notes({ workspaceId, alertId, by: by === 'alias' ? 'alias' : 'id' }),
    )
  }
  if (a.target === 'incident') {
    const incidentId = resolvedIncidentId ?? a.input.incidentId
    return read(() => port.incidents.notes({ workspaceId, incidentId }))
  }
  throw new LookupFailed(`a ${a.target} command has no notes to look at`)
}

/** The target as it stands; typed as both so a state predicate of either kind can read it. */
async function readEntity(
  port: OutboxPort,
  a: Addressed,
  workspaceId: string,
  resolvedIncidentId?: string,
): Promise<(Alert & Incident) | null> {
  let found: Alert | Incident | null
  if (a.target === 'alert') {
    const { alertId, by } = a.input
    found = await read(() =>
      port.alerts.get({ workspaceId, alertId, by: by === 'alias' ? 'alias' : 'id' }),
    )
  } else if (a.target === 'incident') {
    const incidentId = resolvedIncidentId ?? a.input.incidentId
    found = await read(() => port.incidents.get({ workspaceId, incidentId }))
  } else {
    throw new LookupFailed(`a ${a.target} command has no state to look at`)
  }
  // the predicate belongs to the same entry as the target, so it reads the entity it expects
  return found as (Alert & Incident) | null
}

function misdeclared(command: OutboxCommand): EffectVerdict {
  return { kind: 'retry', message: `${command.kind} cannot be looked up by alias` }
}

function gone(what: string): EffectVerdict {
  return { kind: 'gone', message: `the ${what} no longer exists` }
}
