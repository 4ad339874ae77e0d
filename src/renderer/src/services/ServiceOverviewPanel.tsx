import type { ReactElement } from 'react'
import { severityToPriority } from '../../../shared/domain'
import { PriorityBadge } from '../components/PriorityBadge'
import { useLiveQuery } from '../db/use-live-query'
import { useCoordination } from '../incidents/coordination-context'
import { useCoordinationViewStore } from '../incidents/coordination-view-store'

/** One service: its open local incidents, open Opsgenie incidents and open alerts. */
export function ServiceOverviewPanel(props: { serviceId: string }): ReactElement {
  const { coordination, cache } = useCoordination()
  const openIncident = useCoordinationViewStore((s) => s.openIncident)
  const overview = useLiveQuery(
    () => coordination.serviceOverview(cache, props.serviceId),
    [coordination, cache, props.serviceId],
  )
  if (overview === undefined) return <p className="muted">Loading…</p>
  return (
    <article className="detail" aria-labelledby="service-overview-title">
      <h2 id="service-overview-title">{overview.service?.name ?? props.serviceId}</h2>
      {overview.service?.description !== undefined && <p>{overview.service.description}</p>}
      <h3>Open incidents (local)</h3>
      {overview.incidents.length === 0 && <p className="muted">None.</p>}
      <ul className="plain-list" aria-label="Open local incidents">
        {overview.incidents.map((i) => (
          <li key={i.id}>
            <button type="button" className="link" onClick={() => openIncident(i.id)}>
              <PriorityBadge priority={severityToPriority(i.severity)} /> {i.title}
            </button>
          </li>
        ))}
      </ul>
      <h3>Open Opsgenie incidents</h3>
      {overview.opsgenieIncidents.length === 0 && <p className="muted">None.</p>}
      <ul className="plain-list" aria-label="Open Opsgenie incidents">
        {overview.opsgenieIncidents.map((i) => (
          <li key={i.id}>
            <PriorityBadge priority={i.priority} /> {i.message}
          </li>
        ))}
      </ul>
      <h3>Open alerts</h3>
      {overview.openAlerts.length === 0 && <p className="muted">None.</p>}
      <ul className="plain-list" aria-label="Open alerts">
        {overview.openAlerts.map((a) => (
          <li key={a.id}>
            <PriorityBadge priority={a.priority} /> {a.message}
          </li>
        ))}
      </ul>
    </article>
  )
}
