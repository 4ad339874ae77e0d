import { useMemo, type ReactElement } from 'react'
import { useOutbox } from '../outbox/outbox-context'
import { useWorkspace } from '../app/workspace-context'
import { usePendingOverlay } from '../outbox/use-outbox'
import { PriorityBadge } from '../components/PriorityBadge'
import { formatTime } from '../components/format'
import { useNavigationStore } from '../app/navigation-store'
import { useIncidents } from '../db/directory-reads'
import { IncidentDetail } from './IncidentDetail'

/** Incidents, most urgent first (pending status changes applied), and the open one's detail. */
export function IncidentsView(): ReactElement {
  const { db } = useWorkspace()
  const outbox = useOutbox()
  const overlay = usePendingOverlay(outbox.db, outbox.workspaceId)
  const cached = useIncidents(db)
  const incidents = useMemo(
    () => cached?.map((i) => ({ ...i, ...overlay.incident(i) })),
    [cached, overlay],
  )
  const selected = useNavigationStore((s) => s.incidentId)
  const open = useNavigationStore((s) => s.openIncident)

  return (
    <section className="split" aria-label="Incidents">
      <div className="split__list">
        <h2>Incidents</h2>
        {incidents?.length === 0 && <p className="muted">No incidents in the cache.</p>}
        <ul className="plain-list" aria-label="Incident list">
          {incidents?.map((incident) => (
            <li key={incident.id}>
              <button
                type="button"
                className="list-button"
                aria-current={incident.id === selected ? 'true' : undefined}
                data-incident-id={incident.id}
                onClick={() => open(incident.id)}
              >
                <PriorityBadge priority={incident.priority} />
                <span className="list-button__title">{incident.message}</span>
                <span className={`state state--${incident.status}`}>{incident.status}</span>
                <time dateTime={incident.createdAt}>{formatTime(incident.createdAt)}</time>
              </button>
            </li>
          ))}
        </ul>
      </div>
      <div className="split__detail">
        {selected === undefined ? (
          <p className="muted">Select an incident.</p>
        ) : (
          <IncidentDetail incidentId={selected} />
        )}
      </div>
    </section>
  )
}
