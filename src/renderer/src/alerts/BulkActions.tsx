import { useId, useState, type ReactElement } from 'react'
import { useWorkspace } from '../app/workspace-context'
import { useUsers } from '../db/directory-reads'
import { useAlertViewStore } from './alert-view-store'
import type { AlertActionRequest } from './alert-actions'
import { useAlertCommands } from './use-alert-commands'

const SNOOZE_MS = 60 * 60_000

/**
 * What a responder does to several alerts at once (a storm): acknowledge, close, snooze for an
 * hour, assign. Each alert becomes its own command in the outbox through `run`, the one action
 * path, so each is queued, retried, held for Undo (close) and shown like a single action.
 */
export function BulkActions(): ReactElement | null {
  const { db } = useWorkspace()
  const checked = useAlertViewStore((s) => s.checked)
  const clearChecked = useAlertViewStore((s) => s.clearChecked)
  const { run } = useAlertCommands()
  const users = useUsers(db)
  const [assignee, setAssignee] = useState('')
  const assignId = useId()
  if (checked.length === 0) return null

  const runAll = (make: (alertId: string) => AlertActionRequest): void => {
    const ids = [...checked]
    clearChecked()
    for (const alertId of ids) void run(make(alertId))
  }

  return (
    <div className="bulk-bar" role="toolbar" aria-label="Bulk actions">
      <strong>{checked.length} selected</strong>
      <button
        type="button"
        onClick={() => runAll((alertId) => ({ action: 'acknowledge', alertId, args: {} }))}
      >
        Acknowledge
      </button>
      <button
        type="button"
        onClick={() => runAll((alertId) => ({ action: 'close', alertId, args: {} }))}
      >
        Close
      </button>
      <button
        type="button"
        onClick={() => {
          const endTime = new Date(Date.now() + SNOOZE_MS).toISOString()
          runAll((alertId) => ({ action: 'snooze', alertId, args: { endTime } }))
        }}
      >
        Snooze 1 h
      </button>
      <label htmlFor={assignId} className="visually-hidden">
        Assign to
      </label>
      <select id={assignId} value={assignee} onChange={(e) => setAssignee(e.target.value)}>
        <option value="">Assign to…</option>
        {(users ?? []).map((u) => (
          <option key={u.id} value={u.username}>
            {u.fullName === '' ? u.username : `${u.fullName} (${u.username})`}
          </option>
        ))}
      </select>
      <button
        type="button"
        disabled={assignee === ''}
        onClick={() =>
          runAll((alertId) => ({
            action: 'assign',
            alertId,
            args: { owner: { username: assignee } },
          }))
        }
      >
        Assign
      </button>
      <button type="button" onClick={clearChecked}>
        Clear selection
      </button>
    </div>
  )
}
