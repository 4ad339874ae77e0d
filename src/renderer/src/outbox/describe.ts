import { assertNever } from '../../../shared/assert-never'
import { stripNoteMarker, type CommandKind } from './commands'
import type { OutboxCommand } from './record'

const VERBS: Readonly<Record<CommandKind, string>> = {
  'alerts:acknowledge': 'acknowledged',
  'alerts:unacknowledge': 'unacknowledged',
  'alerts:close': 'closed',
  'alerts:addNote': 'added a note to',
  'alerts:assign': 'assigned',
  'alerts:addResponder': 'added a responder to',
  'alerts:escalate': 'escalated',
  'alerts:snooze': 'snoozed',
  'alerts:setPriority': 'changed the priority of',
  'alerts:create': 'paged',
  'incidents:create': 'opened',
  'incidents:resolve': 'resolved',
  'incidents:close': 'closed',
  'incidents:reopen': 'reopened',
  'incidents:addNote': 'added a note to',
  'incidents:addResponders': 'added responders to',
  'incidents:setPriority': 'changed the priority of',
  'incidents:updateDescription': 'updated the description of',
}

/** "acknowledged alert disk-full": what the responder did, in their words. */
export function describeCommand(c: OutboxCommand): string {
  const verb = VERBS[c.kind]
  if (c.kind === 'alerts:create') return `${verb} "${String(c.input['message'])}"`
  if (c.kind === 'incidents:create') return `${verb} incident "${String(c.input['message'])}"`
  const target = c.kind.startsWith('alerts:')
    ? `alert ${String(c.input['alertId'])}`
    : `incident ${String(c.input['incidentId'])}`
  const note = c.kind.endsWith(':addNote') ? `: "${stripNoteMarker(String(c.input['note']))}"` : ''
  return `${verb} ${target}${note}`
}

export function minutesAgo(from: number, now: number): string {
  const minutes = Math.max(0, Math.round((now - from) / 60_000))
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? '' : 's'} ago`
  const hours = Math.round(minutes / 60)
  return `${hours} hour${hours === 1 ? '' : 's'} ago`
}

/** The state line the outbox panel shows for one command. */
export function describeState(c: OutboxCommand, now: number): string {
  switch (c.state) {
    case 'queued':
      return c.maybeSent ? 'sending' : 'queued'
    case 'waiting': {
      const wait = c.wait
      if (wait === undefined) return 'waiting'
      switch (wait.reason) {
        case 'offline':
          return 'waiting: offline'
        case 'throttled':
          return `waiting: throttled until ${new Date(wait.until ?? now).toLocaleTimeString()}`
        case 'retry':
          return `waiting: retrying (${wait.message ?? 'no answer'})`
        case 'confirm':
          return `waiting: you ${VERBS[c.kind]} this ${minutesAgo(c.createdAt, now)}; send now?`
        case 'paused':
          return 'waiting: the API key was refused; fix the key'
        default:
          return assertNever(wait.reason, 'wait reason')
      }
    }
    case 'sent':
      return `sent (request ${c.requestId ?? '?'})`
    case 'confirmed':
      return 'confirmed'
    case 'failed':
      return `failed: ${c.failure?.message ?? 'unknown reason'}`
    case 'expired':
      return 'expired: not sent'
    case 'cancelled':
      return 'cancelled'
    default:
      return assertNever(c.state, 'command state')
  }
}
