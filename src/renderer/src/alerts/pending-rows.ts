import { priorityRank } from '../db/derive'
import { addressed } from '../../../shared/commands/catalogue'
import type { AlertRow } from '../db/rows'
import { applyPending, pendingNotes, targetsAlert } from '../outbox/overlay'
import type { OutboxCommand } from '../outbox/record'

/** What a queued command makes of a row, with the fields the list sorts and filters on redone. */
export function overlayRow(row: AlertRow, pending: readonly OutboxCommand[]): AlertRow {
  const mine = pending.filter((c) => targetsAlert(c, row))
  if (mine.length === 0) return row
  const next = applyPending(row, mine)
  return {
    ...row,
    ...next,
    needsAck: next.status === 'open' && !next.acknowledged ? 1 : 0,
    priorityRank: priorityRank(next.priority),
  }
}

/**
 * The list's rows with pending commands applied. Only rows a command targets are touched, so
 * 100,000 rows and a handful of commands cost one pass and a set lookup per row.
 */
export function overlayRows(
  rows: readonly AlertRow[],
  pending: readonly OutboxCommand[],
): readonly AlertRow[] {
  const alertCommands = pending.filter((c) => c.kind.startsWith('alerts:'))
  if (alertCommands.length === 0) return rows
  const keys = new Set<unknown>()
  for (const c of alertCommands) {
    const a = addressed(c)
    keys.add(a.target === 'new-alert' ? a.input.alias : a.target === 'alert' ? a.input.alertId : '')
  }
  return rows.map((row) =>
    keys.has(row.id) || keys.has(row.alias) ? overlayRow(row, alertCommands) : row,
  )
}

export interface PendingNote {
  readonly id: string
  readonly note: string
  readonly state: OutboxCommand['state']
}

/**
 * Notes still on their way to this alert. A note that arrived in the timeline already (its
 * marker is there) is not shown twice while the confirmed command lingers in the overlay.
 */
export function pendingAlertNotes(
  alert: Pick<AlertRow, 'id' | 'alias'>,
  pending: readonly OutboxCommand[],
  timelineTexts: readonly string[],
): readonly PendingNote[] {
  const arrived = (id: string): boolean => timelineTexts.some((t) => t.includes(`[ondeck:${id}]`))
  return pendingNotes(pending, (c) => targetsAlert(c, alert)).filter((n) => !arrived(n.id))
}
