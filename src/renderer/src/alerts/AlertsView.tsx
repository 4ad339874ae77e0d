import { useEffect, useMemo, type ReactElement } from 'react'
import { focusSoon } from '../app/focus'
import { useOutbox } from '../outbox/outbox-context'
import { usePendingOverlay } from '../outbox/use-outbox'
import { useWorkspace } from '../app/workspace-context'
import { useAlertViewStore } from './alert-view-store'
import { useAlertRows } from '../db/alert-reads'
import { useAppServices } from '../app/services'
import { useDirectory, useOnCalls, useServiceRows } from '../db/directory-reads'
import { myScope } from './mine'
import { overlayRows } from './pending-rows'
import { ALERT_DETAIL_TITLE_ID } from './AlertDetail'
import { AlertDetailPane } from './AlertDetailPane'
import { AlertFilterBar } from './AlertFilterBar'
import { AlertList } from './AlertList'
import { BulkActions } from './BulkActions'
import { PendingCreates } from './PendingCreates'
import { lastSnoozeEnd, queryAlerts } from './alert-query'
import { directoryNames } from './directory-names'
import { useAlertViewPersistence } from './use-alert-view-persistence'
import { useNow } from './use-now'

/**
 * The triage view: filters on top, the virtualized list on the left, the selected alert on the
 * right. Rows are the cache's confirmed state with the outbox's pending commands applied on top.
 * The selection lives in the alert view store so the keyboard layer can move it. Filters are kept
 * in the settings and the page's address (`useAlertViewPersistence`); a selected alert the
 * filters hide stays open in the detail, which says so.
 */
export function AlertsView(props: { fallbackHeight?: number }): ReactElement {
  const { db, username } = useWorkspace()
  const { settings } = useAppServices()
  useAlertViewPersistence(settings)
  const now = useNow()
  const filters = useAlertViewStore((s) => s.filters)
  const search = useAlertViewStore((s) => s.search)
  const sort = useAlertViewStore((s) => s.sort)
  const selectedId = useAlertViewStore((s) => s.selectedId)
  const select = useAlertViewStore((s) => s.select)
  const checked = useAlertViewStore((s) => s.checked)
  const toggleChecked = useAlertViewStore((s) => s.toggleChecked)
  const checkRange = useAlertViewStore((s) => s.checkRange)
  const { rows, complete } = useAlertRows(db, filters.status)
  const directory = useDirectory(db)
  const teams = useMemo(
    () => [...(directory?.teams ?? [])].sort((a, b) => a.name.localeCompare(b.name)),
    [directory],
  )
  const names = useMemo(() => directoryNames(directory), [directory])
  const services = useServiceRows(db)
  const onCalls = useOnCalls(db)
  const mine = useMemo(
    () => myScope(username, directory ?? { users: [], teams: [], schedules: [] }, onCalls ?? []),
    [username, directory, onCalls],
  )
  // The order changes with time only when a snooze ends (`lastSnoozeEnd`), not every 30 s tick.
  const orderedAt = useMemo(() => lastSnoozeEnd(rows ?? [], now), [rows, now])
  const outbox = useOutbox()
  const overlay = usePendingOverlay(outbox.db, outbox.workspaceId)

  const shown = useMemo(
    () =>
      queryAlerts(
        overlayRows(rows ?? [], overlay.pending),
        filters,
        search,
        sort,
        {
          ...(username !== undefined ? { me: username } : {}),
          mine,
          teams,
          services: services ?? [],
        },
        orderedAt,
      ),
    [rows, overlay.pending, filters, search, sort, username, mine, teams, services, orderedAt],
  )
  const hidden =
    selectedId !== undefined && rows !== undefined && !shown.some((r) => r.id === selectedId)
  const clearFilters = useAlertViewStore((s) => s.clearFilters)

  const setVisibleIds = useAlertViewStore((s) => s.setVisibleIds)
  useEffect(() => setVisibleIds(shown.map((r) => r.id)), [shown, setVisibleIds])

  return (
    <section className="alerts-view" aria-label="Alerts">
      <AlertFilterBar
        teams={teams}
        services={services ?? []}
        shown={shown.length}
        complete={complete}
        {...(username !== undefined ? { me: username } : {})}
      />
      <div className="split">
        <div className="split__list" aria-busy={!complete}>
          <PendingCreates pending={overlay.pending} />
          <BulkActions />
          {rows !== undefined && shown.length === 0 ? (
            <p className="empty muted">No alerts match.</p>
          ) : (
            <AlertList
              rows={shown}
              {...(selectedId !== undefined ? { selectedId } : {})}
              checked={checked}
              onToggleCheck={toggleChecked}
              onCheckRange={checkRange}
              onSelect={select}
              names={names}
              now={now}
              onOpen={(alertId) => {
                select(alertId)
                focusSoon(ALERT_DETAIL_TITLE_ID)
              }}
              {...(props.fallbackHeight !== undefined
                ? { fallbackHeight: props.fallbackHeight }
                : {})}
            />
          )}
        </div>
        <div className="split__detail">
          <AlertDetailPane
            alertId={selectedId}
            {...(hidden
              ? { hiddenByFilters: { onClear: clearFilters, onClose: () => select(undefined) } }
              : {})}
          />
        </div>
      </div>
    </section>
  )
}
