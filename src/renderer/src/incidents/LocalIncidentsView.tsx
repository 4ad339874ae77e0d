import type { ReactElement } from 'react'
import { severityToPriority } from '../../../shared/domain'
import { PriorityBadge } from '../components/PriorityBadge'
import { formatTime } from '../components/format'
import { useCoordinationViewStore } from './coordination-view-store'
import { DeclareIncidentForm } from './DeclareIncidentForm'
import { LocalIncidentDetail } from './LocalIncidentDetail'
import { useLocalIncidents } from './use-coordination-data'

/** The responder's own incidents, newest first, with the Declare form or the open incident. */
export function LocalIncidentsView(): ReactElement {
  const incidents = useLocalIncidents()
  const { incidentId, declaring, openIncident, startDeclare, closeDialogs } =
    useCoordinationViewStore()
  const shown = incidentId ?? incidents?.[0]?.id

  return (
    <section className="split" aria-label="Local incidents">
      <div className="split__list">
        <div className="button-row">
          <button type="button" className="primary" onClick={startDeclare}>
            Declare incident
          </button>
        </div>
        {incidents?.length === 0 && <p className="muted">No incidents declared yet.</p>}
        <ul className="plain-list" aria-label="Local incident list">
          {incidents?.map((i) => (
            <li key={i.id}>
              <button
                type="button"
                className="list-button"
                aria-current={i.id === shown && !declaring ? 'true' : undefined}
                data-local-incident-id={i.id}
                onClick={() => openIncident(i.id)}
              >
                <PriorityBadge priority={severityToPriority(i.severity)} />
                <span className="list-button__title">{i.title}</span>
                <span className={`state state--${i.status}`}>{i.status}</span>
                <time dateTime={new Date(i.declaredAt).toISOString()}>
                  {formatTime(i.declaredAt)}
                </time>
              </button>
            </li>
          ))}
        </ul>
      </div>
      <div className="split__detail">
        {declaring ? (
          <DeclareIncidentForm onDeclared={(i) => openIncident(i.id)} onCancel={closeDialogs} />
        ) : shown === undefined ? (
          <p className="muted">Declare an incident to coordinate it here.</p>
        ) : (
          <LocalIncidentDetail incidentId={shown} />
        )}
      </div>
    </section>
  )
}
