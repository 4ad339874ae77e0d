import type { Alert, Incident } from '../../../shared/domain'
import { addressed, rulesOf } from '../../../shared/commands/catalogue'
import { stripNoteMarker } from './commands'
import type { OutboxCommand } from './record'

/**
 * The view shows the cache's confirmed state with the outbox's pending commands applied on
 * top. A command that failed for good is simply no longer applied: that is the rollback, and
 * the outbox panel says why. Confirmed commands stay applied for `graceMs` so the view does not
 * flicker back before ingest brings the confirmed state into the cache.
 */
export const CONFIRMED_GRACE_MS = 60_000

export function isPendingForView(
  c: OutboxCommand,
  now: number,
  graceMs = CONFIRMED_GRACE_MS,
): boolean {
  if (c.state === 'queued' || c.state === 'waiting' || c.state === 'sent') return true
  return c.state === 'confirmed' && now - c.updatedAt < graceMs
}

export function targetsAlert(c: OutboxCommand, alert: Pick<Alert, 'id' | 'alias'>): boolean {
  const a = addressed(c)
  if (a.target === 'new-alert') return a.input.alias === alert.alias || c.entityId === alert.id
  if (a.target !== 'alert') return false
  return a.input.by === 'alias' ? a.input.alertId === alert.alias : a.input.alertId === alert.id
}

function targetsIncident(c: OutboxCommand, incident: Pick<Incident, 'id'>): boolean {
  const a = addressed(c)
  if (a.target === 'incident' && a.input.incidentId === incident.id) return true
  return c.entityId === incident.id
}

/**
 * Applies the commands' `pending` (catalogue) in order. `rulesOf` types the entity loosely; the
 * caller passes only commands that target this entity, so each entry gets the kind it expects.
 */
function applyEach<E extends Alert | Incident>(entity: E, commands: readonly OutboxCommand[]): E {
  let next = entity
  for (const c of commands) {
    const pending = rulesOf(c.kind).pending
    if (pending !== undefined) next = pending(next as Alert & Incident, c.input) as E
  }
  return next
}

/** `alert` as the responder expects it to be once the given commands (in enqueue order) apply. */
export function applyPending(alert: Alert, commands: readonly OutboxCommand[]): Alert {
  return applyEach(
    alert,
    commands.filter((c) => rulesOf(c.kind).target === 'alert' && targetsAlert(c, alert)),
  )
}

export function applyPendingIncident(
  incident: Incident,
  commands: readonly OutboxCommand[],
): Incident {
  return applyEach(
    incident,
    commands.filter((c) => rulesOf(c.kind).target === 'incident' && targetsIncident(c, incident)),
  )
}

/** Notes still on their way, for the alert or incident timeline (marker stripped). */
export function pendingNotes(
  commands: readonly OutboxCommand[],
  matches: (c: OutboxCommand) => boolean,
): { id: string; note: string; state: OutboxCommand['state'] }[] {
  return commands
    .filter((c) => rulesOf(c.kind).effectOnce.strategy === 'note-marker' && matches(c))
    .map((c) => ({ id: c.id, note: stripNoteMarker(noteOf(c)), state: c.state }))
}

/** Alerts a queued create will open, to show in the list before Opsgenie has them. */
export function pendingAlertCreates(
  commands: readonly OutboxCommand[],
): { commandId: string; alias: string; message: string; priority: string }[] {
  const creates: { commandId: string; alias: string; message: string; priority: string }[] = []
  for (const c of commands) {
    const a = addressed(c)
    if (a.target !== 'new-alert' || c.state === 'confirmed') continue
    creates.push({
      commandId: c.id,
      alias: String(a.input.alias),
      message: a.input.message,
      priority: a.input.priority ?? 'P3',
    })
  }
  return creates
}

/** The note a note-marker command carries (its input has one: the entries declare it). */
export function noteOf(c: OutboxCommand): string {
  return 'note' in c.input && typeof c.input.note === 'string' ? c.input.note : ''
}
