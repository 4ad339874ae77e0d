import { useEffect, useMemo, useState, type ReactElement } from 'react'
import { actionRank, isSnoozedNow } from '../alerts/alert-query'
import { PriorityBadge } from '../components/PriorityBadge'
import { formatAge, formatFullTime, plural } from '../components/format'
import type { AlertRow } from '../db/rows'
import { forEachAlertPage, watchAlerts } from '../db/alert-set'
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

/** What the view shows of the open alerts: how many, and the most urgent `SHOWN_ROWS`. */
interface Everywhere {
  readonly count: number
  readonly rows: readonly EverywhereRow[]
}

type Answer = { readonly value: Everywhere } | { readonly error: unknown }

/**
 * Every connected workspace's open alerts, from each one's own cache: read in pages keeping only
 * the most urgent `SHOWN_ROWS` and a count, and read again after writes at the pace
 * `watchAlerts` allows (a live query of every open row was one long task per ingest commit on a
 * large cache). A failed read throws during render, as the live queries do.
 */
function useEverywhereRows(
  runtimes: readonly WorkspaceRuntime[],
  now: number,
): Everywhere | undefined {
  const [byRuntime, setByRuntime] = useState<ReadonlyMap<WorkspaceRuntime, Answer>>(new Map())
  useEffect(() => {
    const stops = runtimes.map((runtime) =>
      watchAlerts(
        runtime.db,
        () => readNeedsAction(runtime),
        (answer) =>
          setByRuntime((before) =>
            new Map([...before].filter(([other]) => runtimes.includes(other))).set(runtime, answer),
          ),
      ),
    )
    return () => stops.forEach((stop) => stop())
  }, [runtimes])
  const answers = runtimes.map((runtime) => byRuntime.get(runtime))
  if (answers.some((a) => a === undefined)) return undefined
  const parts = answers.map((a) => {
    if (a === undefined || 'error' in a) throw a?.error
    return a.value
  })
  return {
    count: parts.reduce((sum, p) => sum + p.count, 0),
    rows: parts
      .flatMap((p) => p.rows)
      .sort(byNeedsAction(now))
      .slice(0, SHOWN_ROWS),
  }
}

async function readNeedsAction(runtime: WorkspaceRuntime): Promise<Everywhere> {
  const order = byNeedsAction(Date.now())
  let count = 0
  let rows: EverywhereRow[] = []
  await forEachAlertPage(runtime.db, 'open', (page) => {
    count += page.length
    rows = [...rows, ...page.map((alert) => ({ runtime, alert }))].sort(order).slice(0, SHOWN_ROWS)
  })
  return { count, rows }
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
  const now = useNow()
  const everywhere = useEverywhereRows(runtimes, now)
  const ringing = useRingingRegistry((s) => s)
  const [queued, setQueued] = useState<ReadonlySet<string>>(new Set())
  if (everywhere === undefined)
    return (
      <p className="muted" role="status">
        Loading…
      </p>
    )
  const { count, rows: shown } = everywhere
  return (
    <section className="page everywhere" aria-labelledby="everywhere-title">
      <h2 id="everywhere-title">All workspaces</h2>
      <p className="muted">
        {plural(count, 'open alert')} in{' '}
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
      {count > shown.length && (
        <p className="muted">
          and {count - shown.length} more: pick a workspace in the switcher to see them all.
        </p>
      )}
    </section>
  )
}
