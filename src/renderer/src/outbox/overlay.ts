import type { Alert, Incident } from '../../../shared/domain'
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
  if (!c.kind.startsWith('alerts:')) return false
  if (c.kind === 'alerts:create') return c.input['alias'] === alert.alias || c.entityId === alert.id
  const id = c.input['alertId']
  return c.input['by'] === 'alias' ? id === alert.alias : id === alert.id
}

/** `alert` as the responder expects it to be once the given commands (in enqueue order) apply. */
export function applyPending(alert: Alert, commands: readonly OutboxCommand[]): Alert {
  let next = alert
  for (const c of commands) {
    if (!targetsAlert(c, alert)) continue
    switch (c.kind) {
      case 'alerts:acknowledge':
        next = next.status === 'open' ? { ...next, acknowledged: true } : next
        break
      case 'alerts:unacknowledge':
        next = { ...next, acknowledged: false }
        break
      case 'alerts:close':
        next = { ...next, status: 'closed', snoozed: false }
        break
      case 'alerts:setPriority':
        next = { ...next, priority: c.input['priority'] as Alert['priority'] }
        break
      case 'alerts:assign': {
        const owner = c.input['owner'] as { id?: string; username?: string }
        const name = owner.username ?? owner.id
        next = name !== undefined ? { ...next, owner: name } : next
        break
      }
      case 'alerts:snooze':
        next = { ...next, snoozed: true, snoozedUntil: String(c.input['endTime']) }
        break
      default:
        break
    }
  }
  return next
}

export function applyPendingIncident(
  incident: Incident,
  commands: readonly OutboxCommand[],
): Incident {
  let next = incident
  for (const c of commands) {
    if (c.input['incidentId'] !== incident.id && c.entityId !== incident.id) continue
    if (c.kind === 'incidents:resolve') next = { ...next, status: 'resolved' }
    else if (c.kind === 'incidents:close') next = { ...next, status: 'closed' }
    else if (c.kind === 'incidents:reopen') next = { ...next, status: 'open' }
  }
  return next
}

/** Notes still on their way, for the alert or incident timeline (marker stripped). */
export function pendingNotes(
  commands: readonly OutboxCommand[],
  matches: (c: OutboxCommand) => boolean,
): { id: string; note: string; state: OutboxCommand['state'] }[] {
  return commands
    .filter((c) => (c.kind === 'alerts:addNote' || c.kind === 'incidents:addNote') && matches(c))
    .map((c) => ({ id: c.id, note: stripNoteMarker(String(c.input['note'])), state: c.state }))
}

/** Alerts a queued create will open, to show in the list before Opsgenie has them. */
export function pendingAlertCreates(
  commands: readonly OutboxCommand[],
): { commandId: string; alias: string; message: string; priority: string }[] {
  return commands
    .filter((c) => c.kind === 'alerts:create' && c.state !== 'confirmed')
    .map((c) => ({
      commandId: c.id,
      alias: String(c.input['alias']),
      message: String(c.input['message']),
      priority: String(c.input['priority'] ?? 'P3'),
    }))
}
