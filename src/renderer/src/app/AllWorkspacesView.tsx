import { useMemo, useState, type ReactElement } from 'react'
import { actionRank, isSnoozedNow } from '../alerts/alert-query'
import { PriorityBadge } from '../components/PriorityBadge'
import { formatAge, formatFullTime, plural } from '../components/format'
import type { AlertRow } from '../db/rows'
import { useLiveQuery } from '../db/use-live-query'
import { AlarmIcon } from '../notifications/AlarmIcon'
import { isRinging, useRingingRegistry } from '../notifications/ringing-registry'
import type { WorkspaceEntry } from '../settings/settings-db'
import { navigateToAlert } from './navigate'
import { useNow } from '../alerts/use-now'
import { sortedRuntimes, useWorkspaceRuntimes, type WorkspaceRuntime } from './workspace-runtimes'

/** Past this many rows the view says how many more there are instead of drawing them. */
const SHOWN_ROWS = 300

interface EverywhereRow {
  readonly runtime: WorkspaceRuntime
  readonly alert: AlertRow
}

/** Needs action first (unacknowledged, acknowledged, snoozed), then priority, then newest. */
function byNeedsAction(now: number): (a: EverywhereRow, b: EverywhereRow) => number {
  return (a, b) =>
    actionRank(a.alert, now) - actionRank(b.alert, now) ||
    a.alert.priorityRank - b.alert.priorityRank ||
    b.alert.createdMs - a.alert.createdMs
}

/** Every connected workspace's open alerts, read live from each one's own cache. */
function useEverywhereRows(runtimes: readonly WorkspaceRuntime[]): EverywhereRow[] | undefined {
  return useLiveQuery(async () => {
    const perWorkspace = await Promise.all(
      runtimes.map(async (runtime) =>
        (await runtime.db.alerts.where('status').equals('open').toArray()).map((alert) => ({
          runtime,
          alert,
        })),
      ),
    )
    return perWorkspace.flat().sort(byNeedsAction(Date.now()))
  }, [runtimes])
}

/**
 * The All workspaces view: open alerts from every connected workspace in one list, needs-action
 * first, each row marked with its workspace. Acknowledge is queued in that row's workspace (its
 * own outbox and key); Open puts that workspace on screen with the alert selected, where every
 * other action is.
 */
export function AllWorkspacesView(props: { onOpen(entry: WorkspaceEntry): void }): ReactElement {
  const byId = useWorkspaceRuntimes((s) => s.byId)
  const runtimes = useMemo(() => sortedRuntimes(byId), [byId])
  const rows = useEverywhereRows(runtimes)
  const ringing = useRingingRegistry((s) => s)
  const [queued, setQueued] = useState<ReadonlySet<string>>(new Set())
  const now = useNow()
  if (rows === undefined)
    return (
      <p className="muted" role="status">
        Loading…
      </p>
    )
  const shown = rows.slice(0, SHOWN_ROWS)
  return (
    <section className="page everywhere" aria-labelledby="everywhere-title">
      <h2 id="everywhere-title">All workspaces</h2>
      <p className="muted">
        {plural(rows.length, 'open alert')} in{' '}
        {runtimes.map((r) => r.entry.config.name).join(' and ') || 'no connected workspace'}
      </p>
      <ul className="plain-list everywhere__list" aria-label="Open alerts in every workspace">
        {shown.map(({ runtime, alert }) => {
          const key = `${runtime.entry.id}/${alert.id}`
          const name = runtime.entry.config.name
          const rings = isRinging(ringing, runtime.entry.id, alert.id)
          const snoozed = isSnoozedNow(alert, now)
          const waiting = queued.has(key) && !alert.acknowledged
          return (
            <li
              key={key}
              className={`everywhere__row${actionRank(alert, now) > 0 ? ' everywhere__row--toned' : ''}`}
              data-workspace-id={runtime.entry.id}
              data-alert-id={alert.id}
            >
              <span className="workspace-chip">{name}</span>
              <PriorityBadge priority={alert.priority} />
              <span className="everywhere__message">
                #{alert.tinyId} {alert.message}
              </span>
              <span className="everywhere__state">
                {rings && <AlarmIcon className="ringing-count__icon" />}
                {rings
                  ? ' Ringing'
                  : snoozed
                    ? 'Snoozed'
                    : alert.acknowledged
                      ? 'Acknowledged'
                      : 'Unacknowledged'}
              </span>
              <span className="muted" title={formatFullTime(alert.createdMs)}>
                {formatAge(alert.createdMs, now)}
              </span>
              <span className="button-row">
                {!alert.acknowledged && (
                  <button
                    type="button"
                    disabled={waiting}
                    aria-label={`Acknowledge #${alert.tinyId} in ${name}`}
                    onClick={() =>
                      void runtime
                        .run({ action: 'acknowledge', alertId: alert.id, args: {} })
                        .then((result) => {
                          if (result.ok) setQueued((set) => new Set(set).add(key))
                        })
                    }
                  >
                    {waiting ? 'Acknowledging…' : 'Acknowledge'}
                  </button>
                )}
                <button
                  type="button"
                  aria-label={`Open #${alert.tinyId} in ${name}`}
                  onClick={() => {
                    props.onOpen(runtime.entry)
                    navigateToAlert(alert.id)
                  }}
                >
                  Open
                </button>
              </span>
            </li>
          )
        })}
      </ul>
      {rows.length > shown.length && (
        <p className="muted">
          and {rows.length - shown.length} more: pick a workspace in the switcher to see them all.
        </p>
      )}
    </section>
  )
}
