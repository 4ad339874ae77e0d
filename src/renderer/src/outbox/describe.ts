import { assertNever } from '../../../shared/assert-never'
import { addressed, rulesOf } from '../../../shared/commands/catalogue'
import { stripNoteMarker } from './commands'
import { noteOf } from './overlay'
import type { OutboxCommand } from './record'

/** "acknowledged alert disk-full": what the responder did, in their words (verbs: catalogue). */
export function describeCommand(c: OutboxCommand): string {
  const rules = rulesOf(c.kind)
  const a = addressed(c)
  switch (a.target) {
    case 'new-alert':
      return `${rules.verb} "${a.input.message}"`
    case 'new-incident':
      return `${rules.verb} incident "${a.input.message}"`
    case 'alert':
    case 'incident': {
      const target =
        a.target === 'alert' ? `alert ${a.input.alertId}` : `incident ${a.input.incidentId}`
      const note =
        rules.effectOnce.strategy === 'note-marker' ? `: "${stripNoteMarker(noteOf(c))}"` : ''
      return `${rules.verb} ${target}${note}`
    }
    default:
      return assertNever(a, 'command target')
  }
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
          return `waiting: you ${rulesOf(c.kind).verb} this ${minutesAgo(c.createdAt, now)}; send now?`
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
