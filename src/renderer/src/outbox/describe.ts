import { assertNever } from '../../../shared/assert-never'
import { addressed, rulesOf } from '../../../shared/commands/catalogue'
import { stripNoteMarker } from './commands'
import { noteOf } from './overlay'
import type { OutboxCommand } from './record'

/** What the cache knows of a command's target: its number and title, never its id. */
export interface TargetName {
  readonly number: string
  readonly title: string
}

/** Looks up an alert or incident in the cache; undefined while it is not there (yet). */
export type TargetNames = (target: 'alert' | 'incident', id: string) => TargetName | undefined

const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi
const REQUEST_ID = /\s*\(?\brequest(?:\s*id)?[:\s]+[\w-]+\)?/gi

/**
 * A reason as Opsgenie or the network gave it, without request ids or UUIDs: they mean nothing
 * to a responder at 3 a.m. (issue 17, item 7). Diagnostics keeps them.
 */
export function withoutIds(text: string): string {
  const cleaned = text
    .replace(REQUEST_ID, '')
    .replace(UUID, '…')
    .replace(/\s{2,}/g, ' ')
  return cleaned.trim() === '' ? 'no reason given' : cleaned.trim()
}

/** "Acknowledge #455 Disk full on db-1": the action and its target as the list shows it. */
export function describeCommand(c: OutboxCommand, names?: TargetNames): string {
  const rules = rulesOf(c.kind)
  const a = addressed(c)
  switch (a.target) {
    case 'new-alert':
      return `${rules.label} "${a.input.message}"`
    case 'new-incident':
      return `${rules.label} "${a.input.message}"`
    case 'alert':
    case 'incident': {
      const id = a.target === 'alert' ? a.input.alertId : a.input.incidentId
      const known = names?.(a.target, id)
      const noun = a.target === 'alert' ? 'alert' : 'incident'
      const target =
        known === undefined ? `an ${noun} not in the cache` : `#${known.number} ${known.title}`
      const note =
        rules.effectOnce.strategy === 'note-marker' ? `: "${stripNoteMarker(noteOf(c))}"` : ''
      return `${rules.label}: ${target}${note}`
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

const clock = (at: number): string =>
  new Date(at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })

/** "10:42": when the responder acted, for the outbox row. */
export function describeTime(at: number): string {
  return clock(at)
}

/**
 * The plain state of one command, as a responder reads it: "Waiting for the network", "Sent",
 * "Failed: <reason>". Never a request id (the outbox follows it; the responder need not).
 */
export function describeState(c: OutboxCommand, now: number): string {
  switch (c.state) {
    case 'queued':
      if (c.nextAt > now && c.attempts === 0 && !c.maybeSent) return 'Held: Undo is still possible'
      return c.maybeSent ? 'Sending…' : 'Waiting to be sent'
    case 'waiting': {
      const wait = c.wait
      if (wait === undefined) return 'Waiting to be sent'
      switch (wait.reason) {
        case 'offline':
        case 'retry':
          return 'Waiting for the network'
        case 'throttled':
          return `Waiting: Opsgenie asked us to slow down until ${clock(wait.until ?? now)}`
        case 'confirm':
          if (wait.moved === true && wait.message !== undefined)
            return `Waiting for you: ${wait.message}`
          return `Waiting for you: you did this ${minutesAgo(c.createdAt, now)}; send it now?`
        case 'paused':
          return 'Waiting: Opsgenie refused the API key; fix the key in Settings'
        default:
          return assertNever(wait.reason, 'wait reason')
      }
    }
    case 'sent':
      return 'Sent, waiting for Opsgenie to confirm'
    case 'confirmed':
      return 'Sent'
    case 'failed':
      return `Failed: ${withoutIds(c.failure?.message ?? 'unknown reason')}`
    case 'expired':
      return 'Not sent: too old, send it again if it still matters'
    case 'cancelled':
      return 'Cancelled'
    default:
      return assertNever(c.state, 'command state')
  }
}

/** Why the last try did not go through, for a waiting command; undefined when nothing failed. */
export function describeWaitReason(c: OutboxCommand): string | undefined {
  if (c.state !== 'waiting' && c.state !== 'sent') return undefined
  const reason = c.wait?.reason
  if (reason !== 'offline' && reason !== 'retry') return undefined
  const message = c.wait?.message
  return message === undefined ? undefined : `Last try: ${withoutIds(message)}`
}
