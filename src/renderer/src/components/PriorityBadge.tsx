import type { ReactElement } from 'react'
import { priorityToSeverity, type Priority } from '../../../shared/domain'

/** The priority as text plus our severity word, so colour is never the only signal. */
export function PriorityBadge(props: { priority: Priority }): ReactElement {
  const severity = priorityToSeverity(props.priority)
  return (
    <span className={`badge badge--${props.priority.toLowerCase()}`} title={severity}>
      {props.priority}
      <span className="visually-hidden"> {severity}</span>
    </span>
  )
}
