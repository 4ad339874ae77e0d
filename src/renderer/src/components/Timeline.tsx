import type { ReactElement } from 'react'
import type { Activity } from '../../../shared/domain'
import { stripNoteMarker } from '../outbox/commands'
import { formatNanos } from './format'

const KIND_TEXT: Readonly<Partial<Record<Activity['kind'], string>>> = {
  created: 'created',
  acknowledged: 'acknowledged',
  unacknowledged: 'unacknowledged',
  assigned: 'assigned',
  'took-ownership': 'took ownership',
  note: 'added a note',
  'team-added': 'added a team',
  'responder-added': 'added a responder',
  'tags-added': 'added tags',
  'tags-removed': 'removed tags',
  escalated: 'escalated',
  snoozed: 'snoozed',
  'priority-changed': 'changed priority',
  closed: 'closed',
  deleted: 'deleted',
  resolved: 'resolved',
  reopened: 'reopened',
}

/** A note the responder queued that has not reached the timeline yet. */
export interface PendingTimelineNote {
  readonly id: string
  readonly note: string
  readonly state: string
}

/**
 * The timeline of an alert or incident, oldest first, each entry with who and when; notes still
 * in the outbox come last, marked as such. The outbox's effect-once marker is not shown.
 */
export function Timeline(props: {
  entries: readonly Activity[]
  label?: string
  pending?: readonly PendingTimelineNote[]
  /** Who an entry names (e.g. "You" for an action sent from here); defaults to its actor. */
  actorName?: (entry: Activity) => string
}): ReactElement {
  const pending = props.pending ?? []
  if (props.entries.length === 0 && pending.length === 0) {
    return <p className="muted">No timeline entries yet.</p>
  }
  return (
    <ol className="timeline" aria-label={props.label ?? 'Timeline'}>
      {props.entries.map((entry) => (
        <li
          key={entry.id}
          className={`timeline__entry timeline__entry--${entry.kind}`}
          data-activity-kind={entry.kind}
        >
          <time className="timeline__at">{formatNanos(entry.at)}</time>{' '}
          <span className="timeline__who">
            {props.actorName?.(entry) ?? entry.actor ?? 'Opsgenie'}
          </span>{' '}
          <span className="timeline__what">{KIND_TEXT[entry.kind] ?? entry.action}</span>
          {entry.text !== undefined && entry.text !== '' && (
            <span className="timeline__text">: {stripNoteMarker(entry.text)}</span>
          )}
        </li>
      ))}
      {pending.map((note) => (
        <li
          key={note.id}
          className="timeline__entry timeline__entry--pending"
          data-activity-kind="note"
          data-pending-state={note.state}
        >
          <span className="timeline__at muted">
            {note.state === 'confirmed' ? 'sent' : 'queued'}
          </span>{' '}
          <span className="timeline__who">You</span>{' '}
          <span className="timeline__what">added a note</span>
          <span className="timeline__text">: {note.note}</span>
        </li>
      ))}
    </ol>
  )
}
