import { assertNever } from '../../../shared/assert-never'
import type { OutboxCommand } from './record'

export interface OutboxCounts {
  /** Not yet confirmed or given up on: the number in the status bar and tray tooltip. */
  pending: number
  needsConfirmation: number
  /** Failures that still stand: one a later try of the same action fixed is not counted. */
  failed: number
  expired: number
  /** Waiting because the last send never reached Opsgenie or got no answer. */
  unreachable: number
}

/**
 * The last send of this command found no network or no answer: Opsgenie is unreachable. A
 * resend in flight after a failed try (queued, `attempts` > 0) still counts, so the status bar
 * does not flash "Live" on every retry during an outage.
 */
export function isUnreachable(c: OutboxCommand): boolean {
  if (c.state === 'queued') return c.maybeSent && c.attempts > 0
  return (
    (c.state === 'waiting' || c.state === 'sent') &&
    (c.wait?.reason === 'offline' || c.wait?.reason === 'retry')
  )
}

/**
 * A failure is stale once the same action on the same target went through later (the
 * responder tried again from the alert): showing it would report a problem that is gone.
 */
export function isSuperseded(c: OutboxCommand, commands: readonly OutboxCommand[]): boolean {
  if (c.state !== 'failed') return false
  return commands.some(
    (later) =>
      later.kind === c.kind &&
      later.lane === c.lane &&
      later.createdAt >= c.createdAt &&
      later.id !== c.id &&
      later.state === 'confirmed',
  )
}

export function outboxCounts(commands: readonly OutboxCommand[]): OutboxCounts {
  const counts: OutboxCounts = {
    pending: 0,
    needsConfirmation: 0,
    failed: 0,
    expired: 0,
    unreachable: 0,
  }
  for (const c of commands) {
    if (c.state === 'queued' || c.state === 'waiting' || c.state === 'sent') counts.pending++
    if (c.state === 'waiting' && c.wait?.reason === 'confirm') counts.needsConfirmation++
    if (c.state === 'failed' && !isSuperseded(c, commands)) counts.failed++
    if (c.state === 'expired') counts.expired++
    if (isUnreachable(c)) counts.unreachable++
  }
  return counts
}

/** "3 queued, 1 failed" for the tray tooltip; empty when there is nothing to say. */
export function outboxSummary(counts: OutboxCounts): string {
  const parts = [
    counts.pending > 0 ? `${counts.pending} queued` : '',
    counts.needsConfirmation > 0 ? `${counts.needsConfirmation} to confirm` : '',
    counts.failed > 0 ? `${counts.failed} failed` : '',
    counts.expired > 0 ? `${counts.expired} not sent` : '',
  ]
  return parts.filter((p) => p !== '').join(', ')
}

/** Done and nothing left to say: hidden in the Outbox view until "Show sent" is ticked. */
export function isHistory(c: OutboxCommand, commands: readonly OutboxCommand[]): boolean {
  return c.state === 'confirmed' || c.state === 'cancelled' || isSuperseded(c, commands)
}

/**
 * Whether Retry can help: a refusal Opsgenie gave for good (4xx: not found, invalid, plan,
 * processed and refused) fails the same way again, so it is not offered for those.
 */
export function canRetry(c: OutboxCommand): boolean {
  switch (c.state) {
    case 'failed':
      return false
    case 'expired':
    case 'cancelled':
      return true
    case 'waiting':
      return c.wait?.reason !== 'confirm'
    case 'queued':
    case 'sent':
    case 'confirmed':
      return false
    default:
      return assertNever(c.state, 'command state')
  }
}

export function canCancel(c: OutboxCommand): boolean {
  return (
    (c.state === 'queued' || c.state === 'waiting') && !c.maybeSent && c.requestId === undefined
  )
}

/**
 * Failures still worth showing: not the ones a later try of the same action fixed, nor (with
 * `since`) the ones that failed before the responder last looked at the Outbox.
 */
export function standingFailures(
  commands: readonly OutboxCommand[],
  since = -Infinity,
): OutboxCommand[] {
  return commands.filter(
    (c) => c.state === 'failed' && c.updatedAt > since && !isSuperseded(c, commands),
  )
}
