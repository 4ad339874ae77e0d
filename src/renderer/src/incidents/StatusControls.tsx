import { useState, type ReactElement } from 'react'
import type { LinkedAlert, LocalIncident, LocalIncidentStatus } from './coordination'
import { useCoordination } from './coordination-context'
import { useCoordinationViewStore } from './coordination-view-store'
import { useOutbox } from '../outbox/outbox-context'
import { useLinkedAlerts } from './use-coordination-data'

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

const openAlertIds = (linked: readonly LinkedAlert[] | undefined): string[] =>
  (linked ?? []).flatMap((a) => (a.status === 'open' && a.alertId !== undefined ? [a.alertId] : []))

/**
 * The lifecycle as buttons: only the moves the engine allows from the current status. Resolving
 * closes the Page dialog (nobody pages for a resolved incident) and offers to close the alerts
 * still open on it, each an outbox command like the alert view's Close.
 */
export function StatusControls(props: { incident: LocalIncident }): ReactElement {
  const { coordination } = useCoordination()
  const { engine } = useOutbox()
  const closeDialogs = useCoordinationViewStore((s) => s.closeDialogs)
  const linked = useLinkedAlerts(props.incident.id)
  const [error, setError] = useState<string>()
  const [offer, setOffer] = useState(false)
  const [closed, setClosed] = useState<number>()
  const stillOpen = openAlertIds(linked)
  const move = async (status: LocalIncidentStatus): Promise<void> => {
    setError(undefined)
    setClosed(undefined)
    // Before the call: its writes re-render the detail long before it returns.
    if (status === 'resolved') closeDialogs()
    setOffer(status === 'resolved')
    try {
      await coordination.transition(props.incident.id, status)
    } catch (err) {
      setOffer(false)
      setError(err instanceof Error ? err.message : String(err))
    }
  }
  const closeAlerts = async (): Promise<void> => {
    try {
      for (const alertId of stillOpen)
        await engine.enqueue({ kind: 'alerts:close', input: { alertId } })
      setClosed(stillOpen.length)
      setOffer(false)
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err))
    }
  }
  const n = stillOpen.length
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
      {offer && props.incident.status === 'resolved' && n > 0 && (
        <p role="status" className="resolve-offer">
          {n === 1 ? '1 linked alert is' : `${n} linked alerts are`} still open.{' '}
          <button type="button" onClick={() => void closeAlerts()}>
            Close {n === 1 ? 'it' : `all ${n}`}
          </button>{' '}
          <button type="button" onClick={() => setOffer(false)}>
            Keep open
          </button>
        </p>
      )}
      {closed !== undefined && (
        <p role="status">
          Closing {closed === 1 ? '1 linked alert' : `${closed} linked alerts`}: queued.
        </p>
      )}
      {error !== undefined && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </div>
  )
}
