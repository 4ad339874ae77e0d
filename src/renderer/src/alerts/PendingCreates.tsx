import type { ReactElement } from 'react'
import { PriorityBadge } from '../components/PriorityBadge'
import { pendingAlertCreates } from '../outbox/overlay'
import type { OutboxCommand } from '../outbox/record'
import type { Priority } from '../../../shared/domain'

const PRIORITIES = new Set(['P1', 'P2', 'P3', 'P4', 'P5'])

/** Alerts the responder paged that Opsgenie has not opened yet: shown above the list. */
export function PendingCreates(props: { pending: readonly OutboxCommand[] }): ReactElement | null {
  const creates = pendingAlertCreates(props.pending)
  if (creates.length === 0) return null
  return (
    <ul className="pending-creates plain-list" aria-label="Alerts waiting to be opened">
      {creates.map((c) => (
        <li key={c.commandId} className="alert-row alert-row--pending" data-pending-alias={c.alias}>
          <PriorityBadge priority={(PRIORITIES.has(c.priority) ? c.priority : 'P3') as Priority} />
          <span className="alert-row__message">{c.message}</span>
          <span className="alert-row__meta muted">queued</span>
        </li>
      ))}
    </ul>
  )
}
