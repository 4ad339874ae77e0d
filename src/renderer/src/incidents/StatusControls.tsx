import { useState, type ReactElement } from 'react'
import type { LocalIncident, LocalIncidentStatus } from './coordination'
import { useCoordination } from './coordination-context'

const MOVES: Readonly<Record<LocalIncidentStatus, readonly LocalIncidentStatus[]>> = {
  started: ['mitigated', 'resolved'],
  mitigated: ['started', 'resolved'],
  resolved: ['started'],
}

const LABEL: Readonly<Record<LocalIncidentStatus, string>> = {
  started: 'Mark started',
  mitigated: 'Mark mitigated',
  resolved: 'Resolve',
}

/** The lifecycle as buttons: only the moves the engine allows from the current status. */
export function StatusControls(props: { incident: LocalIncident }): ReactElement {
  const { coordination } = useCoordination()
  const [error, setError] = useState<string>()
  const move = async (status: LocalIncidentStatus): Promise<void> => {
    setError(undefined)
    try {
      await coordination.transition(props.incident.id, status)
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err))
    }
  }
  return (
    <div role="toolbar" aria-label="Incident status" className="button-row">
      {MOVES[props.incident.status].map((status) => (
        <button
          key={status}
          type="button"
          className={status === 'resolved' ? 'primary' : undefined}
          onClick={() => void move(status)}
        >
          {LABEL[status]}
        </button>
      ))}
      {error !== undefined && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </div>
  )
}
