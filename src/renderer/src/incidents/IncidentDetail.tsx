import { useMemo, type ReactElement } from 'react'
import { addressed } from '../../../shared/commands/catalogue'
import { useOutbox } from '../outbox/outbox-context'
import { useWorkspace } from '../app/workspace-context'
import { pendingNotes } from '../outbox/overlay'
import { usePendingOverlay } from '../outbox/use-outbox'
import { PriorityBadge } from '../components/PriorityBadge'
import { Timeline } from '../components/Timeline'
import { formatTime } from '../components/format'
import { useAlertViewStore } from '../alerts/alert-view-store'
import { useNavigationStore } from '../app/navigation-store'
import { useTimeline } from '../db/alert-reads'
import { useDirectory, useIncident, useServiceRows } from '../db/directory-reads'
import { directoryNames } from '../alerts/directory-names'
import { useLiveQuery } from '../db/use-live-query'
import { readLinkedAlerts } from './linked-alerts'
import { OpsgenieIncidentActions } from './OpsgenieIncidentActions'

/**
 * One incident: fields, impacted services, timeline and the alerts linked to it, with the
 * outbox's pending commands (status changes, notes) applied on top of the cache.
 */
export function IncidentDetail(props: { incidentId: string }): ReactElement {
  const { db } = useWorkspace()
  const outbox = useOutbox()
  const overlay = usePendingOverlay(outbox.db, outbox.workspaceId)
  const cached = useIncident(db, props.incidentId)
  const directory = useDirectory(db)
  const names = useMemo(() => directoryNames(directory), [directory])
  const incident = useMemo(
    () => (cached ? { ...cached, ...overlay.incident(cached) } : cached),
    [cached, overlay],
  )
  const timeline = useTimeline(db, 'incident', props.incidentId)
  const notes = useMemo(() => {
    const texts = (timeline ?? []).map((t) => t.text ?? '')
    return pendingNotes(overlay.pending, (c) => {
      const a = addressed(c)
      const onIt = a.target === 'incident' && a.input.incidentId === props.incidentId
      return onIt || c.entityId === props.incidentId
    }).filter((n) => !texts.some((t) => t.includes(`[ondeck:${n.id}]`)))
  }, [overlay.pending, props.incidentId, timeline])
  const services = useServiceRows(db)
  const linked = useLiveQuery(
    async () => (incident ? readLinkedAlerts(db, incident) : []),
    [db, incident],
  )
  const selectAlert = useAlertViewStore((s) => s.select)
  const go = useNavigationStore((s) => s.go)

  if (incident === undefined) return <p className="muted">Loading…</p>
  if (incident === null) return <p className="muted">This incident is no longer in the cache.</p>
  const serviceName = (id: string): string => services?.find((s) => s.id === id)?.name ?? id
  return (
    <article className="detail" aria-labelledby="incident-title" data-incident-detail={incident.id}>
      <header className="detail__header">
        <PriorityBadge priority={incident.priority} />
        <h2 id="incident-title">{incident.message}</h2>
        <span className="muted">#{incident.tinyId}</span>
        <span className={`state state--${incident.status}`}>{incident.status}</span>
      </header>
      <OpsgenieIncidentActions incident={incident} />
      <dl className="fields">
        <div className="fields__row">
          <dt>Status</dt>
          <dd>{incident.status}</dd>
        </div>
        <div className="fields__row">
          <dt>Created</dt>
          <dd>{formatTime(incident.createdAt)}</dd>
        </div>
        <div className="fields__row">
          <dt>Impacted services</dt>
          <dd>{incident.impactedServices.map(serviceName).join(', ') || 'None'}</dd>
        </div>
        <div className="fields__row">
          <dt>Responders</dt>
          <dd>{incident.responders.map((r) => names.responder(r).text).join(', ') || 'None'}</dd>
        </div>
      </dl>
      {incident.description !== undefined && <p className="pre-wrap">{incident.description}</p>}
      <section aria-labelledby="incident-alerts">
        <h3 id="incident-alerts">Linked alerts</h3>
        {linked === undefined || linked.length === 0 ? (
          <p className="muted">No linked alerts in the cache.</p>
        ) : (
          <ul className="plain-list">
            {linked.map((a) => (
              <li key={a.id}>
                <button
                  type="button"
                  className="link"
                  onClick={() => {
                    selectAlert(a.id)
                    go('alerts')
                  }}
                >
                  {a.priority} {a.message}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="incident-timeline">
        <h3 id="incident-timeline">Timeline</h3>
        <Timeline entries={timeline ?? []} label="Incident timeline" pending={notes} />
      </section>
    </article>
  )
}
