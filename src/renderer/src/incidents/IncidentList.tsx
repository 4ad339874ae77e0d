import { useMemo, type ReactElement } from 'react'
import { useWorkspace } from '../app/workspace-context'
import { useNavigationStore } from '../app/navigation-store'
import { PriorityBadge } from '../components/PriorityBadge'
import { formatTime } from '../components/format'
import { useIncidents } from '../db/directory-reads'
import { incidentCreatedBy } from '../outbox/commands'
import { useOutbox } from '../outbox/outbox-context'
import { useOutboxCommands, usePendingOverlay } from '../outbox/use-outbox'
import { useCoordinationViewStore } from './coordination-view-store'
import { DeclareIncidentForm } from './DeclareIncidentForm'
import { IncidentDetail } from './IncidentDetail'
import {
  mergeIncidents,
  opsgenieIdOf,
  rowPriority,
  rowStatus,
  type IncidentListRow,
} from './incident-rows'
import type { LocalIncident } from './coordination'
import { LocalIncidentDetail } from './LocalIncidentDetail'
import { useLocalIncidents } from './use-coordination-data'

/** Until Opsgenie confirms the create, the link is the command's placeholder id. */
const isPlaceholder = (id: string): boolean => id === incidentCreatedBy(id.slice(PREFIX.length))
const PREFIX = incidentCreatedBy('')

const localOf = (row: IncidentListRow): LocalIncident | undefined => row.local

/** The open local incident, else the open Opsgenie one, else (nothing chosen) the first row. */
function shownRow(
  rows: readonly IncidentListRow[],
  localId: string | undefined,
  opsgenieId: string | undefined,
): IncidentListRow | undefined {
  if (localId !== undefined) return rows.find((r) => localOf(r)?.id === localId)
  if (opsgenieId !== undefined)
    return rows.find((r) => r.kind === 'opsgenie' && r.incident.id === opsgenieId)
  return rows[0]
}

function RowButton(props: {
  row: IncidentListRow
  created: ReadonlyMap<string, string>
  current: boolean
  onOpen(): void
}): ReactElement {
  const { row } = props
  const local = localOf(row)
  const title = row.kind === 'opsgenie' ? row.incident.message : row.local.title
  const at = row.kind === 'opsgenie' ? row.incident.createdMs : row.local.declaredAt
  return (
    <button
      type="button"
      className="list-button incident-row"
      aria-current={props.current ? 'true' : undefined}
      {...(row.kind === 'opsgenie'
        ? { 'data-incident-id': row.incident.id }
        : { 'data-local-incident-id': row.local.id })}
      onClick={props.onOpen}
    >
      <PriorityBadge priority={rowPriority(row)} />
      <span className="list-button__title">
        {row.kind === 'opsgenie' && <span className="muted">#{row.incident.tinyId} </span>}
        {title}
      </span>
      {local !== undefined && (
        <span
          className="badge badge--local"
          title="Roles, paging, workflows and its timeline are kept on this computer only"
        >
          {local.opsgenieIncidentId !== undefined ? 'Coordinated here' : 'On this computer only'}
        </span>
      )}
      {row.kind === 'local' && row.local.opsgenieIncidentId !== undefined && (
        <span className="muted">
          {isPlaceholder(opsgenieIdOf(row.local, props.created) ?? '')
            ? 'opening in Opsgenie…'
            : 'in Opsgenie'}
        </span>
      )}
      <span className={`state state--${rowStatus(row)}`}>{rowStatus(row)}</span>
      <time dateTime={new Date(at).toISOString()}>{formatTime(at)}</time>
    </button>
  )
}

/**
 * Opsgenie's incidents and the ones coordinated here, in one list (both are live queries, so an
 * incident declared here shows at once and Opsgenie's copy joins its row when it syncs), with
 * the Declare form or the open incident beside it.
 */
export function IncidentList(): ReactElement {
  const { db } = useWorkspace()
  const outbox = useOutbox()
  const overlay = usePendingOverlay(outbox.db, outbox.workspaceId)
  const cached = useIncidents(db)
  const commands = useOutboxCommands(outbox.db, outbox.workspaceId)
  const created = useMemo(() => {
    const ids = new Map<string, string>()
    for (const c of commands)
      if (c.kind === 'incidents:create' && c.state === 'confirmed' && c.entityId !== undefined)
        ids.set(c.id, c.entityId)
    return ids
  }, [commands])
  const local = useLocalIncidents()
  const rows = useMemo(
    () =>
      mergeIncidents(
        (cached ?? []).map((i) => ({ ...i, ...overlay.incident(i) })),
        local ?? [],
        created,
      ),
    [cached, local, overlay, created],
  )
  const { incidentId, declaring, openIncident, startDeclare, closeDialogs } =
    useCoordinationViewStore()
  const opsgenieId = useNavigationStore((s) => s.incidentId)
  const openOpsgenie = useNavigationStore((s) => s.openIncident)
  const shown = shownRow(rows, incidentId, opsgenieId)
  const open = (row: IncidentListRow): void => {
    if (row.kind === 'opsgenie' && row.local === undefined) {
      openOpsgenie(row.incident.id)
    } else {
      openOpsgenie(undefined)
      openIncident(localOf(row)?.id)
    }
  }

  return (
    <section className="split" aria-label="Incidents">
      <div className="split__list">
        <div className="button-row">
          <button type="button" className="primary" onClick={() => startDeclare()}>
            Declare incident
          </button>
        </div>
        <p className="muted incident-list__note">
          Opsgenie’s incidents and yours. “Coordinated here” and “On this computer only” mark
          incidents whose roles, paging, workflows and timeline live on this computer only.
        </p>
        {cached !== undefined && local !== undefined && rows.length === 0 && (
          <p className="muted">No incidents yet.</p>
        )}
        <ul className="plain-list" aria-label="Incident list">
          {rows.map((row) => (
            <li key={row.key}>
              <RowButton
                row={row}
                created={created}
                current={row.key === shown?.key && !declaring}
                onOpen={() => open(row)}
              />
            </li>
          ))}
        </ul>
      </div>
      <div className="split__detail">
        {declaring ? (
          <DeclareIncidentForm onDeclared={(i) => openIncident(i.id)} onCancel={closeDialogs} />
        ) : shown === undefined ? (
          <p className="muted">Select an incident, or declare one to coordinate it here.</p>
        ) : (
          <ShownDetail row={shown} />
        )}
      </div>
    </section>
  )
}

function ShownDetail(props: { row: IncidentListRow }): ReactElement {
  const { row } = props
  if (row.kind === 'local') return <LocalIncidentDetail incidentId={row.local.id} />
  if (row.local === undefined) return <IncidentDetail incidentId={row.incident.id} />
  return (
    <>
      <LocalIncidentDetail incidentId={row.local.id} />
      <details className="card">
        <summary>Opsgenie incident #{row.incident.tinyId}: its actions and timeline</summary>
        <IncidentDetail incidentId={row.incident.id} />
      </details>
    </>
  )
}
