import type { OutboxCommand } from './record'

export interface OutboxCounts {
  /** Not yet confirmed or given up on: the number in the status bar and tray tooltip. */
  pending: number
  needsConfirmation: number
  failed: number
  expired: number
}

export function outboxCounts(commands: readonly OutboxCommand[]): OutboxCounts {
  const counts: OutboxCounts = { pending: 0, needsConfirmation: 0, failed: 0, expired: 0 }
  for (const c of commands) {
    if (c.state === 'queued' || c.state === 'waiting' || c.state === 'sent') counts.pending++
    if (c.state === 'waiting' && c.wait?.reason === 'confirm') counts.needsConfirmation++
    if (c.state === 'failed') counts.failed++
    if (c.state === 'expired') counts.expired++
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
