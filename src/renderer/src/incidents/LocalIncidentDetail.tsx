import type { ReactElement } from 'react'
import { severityToPriority } from '../../../shared/domain'
import { PriorityBadge } from '../components/PriorityBadge'
import { formatTime } from '../components/format'
import { useCoordinationViewStore } from './coordination-view-store'
import { IncidentEdits } from './IncidentEdits'
import { IncidentTimeline } from './IncidentTimeline'
import { LinkedAlertsPanel } from './LinkedAlertsPanel'
import { LinkedOpsgenieIncident } from './LinkedOpsgenieIncident'
import { PageDialog } from './PageDialog'
import { RolesPanel } from './RolesPanel'
import { StatusControls } from './StatusControls'
import { useLocalIncident } from './use-coordination-data'
import { useDirectoryChoices } from './use-directory'

/** One local incident: lifecycle, edits, roles, links to Opsgenie, paging and the timeline. */
export function LocalIncidentDetail(props: { incidentId: string }): ReactElement {
  const incident = useLocalIncident(props.incidentId)
  const { services } = useDirectoryChoices()
  const paging = useCoordinationViewStore((s) => s.paging)
  const startPage = useCoordinationViewStore((s) => s.startPage)
  const closeDialogs = useCoordinationViewStore((s) => s.closeDialogs)

  if (incident === undefined) return <p className="muted">Loading…</p>
  if (incident === null) return <p className="muted">This incident is not in this workspace.</p>
  const serviceName = (id: string): string => services.find((s) => s.id === id)?.name ?? id
  return (
    <article
      className="detail"
      aria-labelledby="local-incident-title"
      data-local-incident={incident.id}
    >
      <header className="detail__header">
        <PriorityBadge priority={severityToPriority(incident.severity)} />
        <h2 id="local-incident-title">{incident.title}</h2>
        <span className={`state state--${incident.status}`}>{incident.status}</span>
      </header>
      <StatusControls incident={incident} />
      <dl className="fields">
        <div className="fields__row">
          <dt>Declared</dt>
          <dd>{formatTime(incident.declaredAt)}</dd>
        </div>
        <div className="fields__row">
          <dt>Impacted services</dt>
          <dd>{incident.serviceIds.map(serviceName).join(', ') || 'None'}</dd>
        </div>
        <div className="fields__row">
          <dt>Incident type</dt>
          <dd>{incident.incidentType ?? 'None'}</dd>
        </div>
        <div className="fields__row">
          <dt>Tags</dt>
          <dd>{incident.tags.join(', ') || 'None'}</dd>
        </div>
        <div className="fields__row">
          <dt>Responders</dt>
          <dd>{incident.responders.map((r) => r.name ?? r.id).join(', ') || 'None'}</dd>
        </div>
      </dl>
      <div className="button-row">
        <button type="button" onClick={startPage} disabled={incident.status === 'resolved'}>
          Page…
        </button>
      </div>
      {paging && (
        <PageDialog key={`page-${incident.id}`} incident={incident} onClose={closeDialogs} />
      )}
      <IncidentTimeline incidentId={incident.id} />
      <LinkedAlertsPanel incidentId={incident.id} />
      <LinkedOpsgenieIncident incident={incident} />
      <RolesPanel key={`roles-${incident.id}`} incident={incident} />
      <IncidentEdits key={`edits-${incident.id}`} incident={incident} />
    </article>
  )
}
