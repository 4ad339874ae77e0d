import { useMemo, type ReactElement } from 'react'
import { PriorityBadge } from '../components/PriorityBadge'
import { VirtualList, type VirtualRowProps } from '../components/VirtualList'
import { formatAge, formatFullTime } from '../components/format'
import type { AlertRow } from '../db/rows'
import { isSnoozedNow, isUrgent } from './alert-query'
import type { DirectoryNames } from './directory-names'

export const ALERT_ROW_HEIGHT = 44

export interface AlertListProps {
  readonly rows: readonly AlertRow[]
  readonly selectedId?: string
  /** Ticked for a bulk action; the checkbox, Ctrl/Cmd-click and Shift-click change it. */
  readonly checked?: readonly string[]
  onToggleCheck?(alertId: string): void
  onCheckRange?(alertId: string): void
  onSelect(alertId: string): void
  onOpen?(alertId: string): void
  readonly fallbackHeight?: number
  /** Resolves the owner's username to the name the directory gives (never an id). */
  readonly names?: DirectoryNames
  /** The time ages are measured from (the view refreshes it: rendering stays pure). */
  readonly now: number
}

/** What the responder is told while a Delete webhook waits for Opsgenie to confirm it. */
const DELETION_TEXT = {
  pending: 'Deleting…',
  unconfirmed: 'Deletion unconfirmed',
} as const
const DELETION_HINT = {
  pending: 'A Delete arrived for this alert; checking with Opsgenie before hiding it',
  unconfirmed:
    'A Delete arrived but Opsgenie could not be asked yet; it stays shown until confirmed',
} as const

function stateText(row: AlertRow, now: number): string {
  if (row.deletion !== undefined) return DELETION_TEXT[row.deletion]
  if (row.status === 'closed') return 'Closed'
  if (isSnoozedNow(row, now)) return 'Snoozed'
  return row.acknowledged ? 'Acknowledged' : 'Open'
}

/**
 * Rows that need nobody right now (acknowledged, snoozed, closed) are toned down, so the open
 * unacknowledged ones stand out; the toned colours still pass AA (layout.css).
 */
function toneOf(state: string): string {
  return state === 'Acknowledged' || state === 'Snoozed' || state === 'Closed'
    ? ' alert-row--quiet'
    : ''
}

/** The alert list: a virtualized listbox of alert rows; unacknowledged P1/P2 are marked urgent. */
export function AlertList(props: AlertListProps): ReactElement {
  const { rows } = props
  const { now } = props
  // Not per scroll frame: a search through 100,000 rows is a millisecond on every render.
  const activeIndex = useMemo(
    () => (props.selectedId === undefined ? -1 : rows.findIndex((r) => r.id === props.selectedId)),
    [rows, props.selectedId],
  )

  const renderRow = ({ index, id, active, style, slot }: VirtualRowProps): ReactElement => {
    const row = rows[index] as AlertRow
    const urgent = isUrgent(row, now)
    const ticked = props.checked?.includes(row.id) === true
    const state = stateText(row, now)
    const owner = row.owner === undefined ? undefined : props.names?.user(row.owner)
    return (
      <div
        key={slot}
        id={id}
        role="option"
        aria-selected={active}
        aria-setsize={rows.length}
        aria-posinset={index + 1}
        data-alert-id={row.id}
        data-urgent={urgent || undefined}
        data-checked={ticked || undefined}
        // ticked for a bulk action: said on the option itself (an option's children are presentational)
        aria-checked={props.onToggleCheck !== undefined ? ticked : undefined}
        data-deletion={row.deletion}
        data-state={state}
        title={row.deletion === undefined ? undefined : DELETION_HINT[row.deletion]}
        className={`alert-row${props.onToggleCheck !== undefined ? ' alert-row--checkable' : ''}${urgent ? ' alert-row--urgent' : ''}${toneOf(state)}${active ? ' alert-row--active' : ''}${row.deletion === undefined ? '' : ' alert-row--deleting'}`}
        style={style}
        // Shift-click ticks a range: keep the browser from also selecting the rows' text
        onMouseDown={(event) => event.shiftKey && event.preventDefault()}
        onClick={(event) => {
          if (event.shiftKey && props.onCheckRange !== undefined) props.onCheckRange(row.id)
          else if ((event.ctrlKey || event.metaKey) && props.onToggleCheck !== undefined)
            props.onToggleCheck(row.id)
          else props.onSelect(row.id)
        }}
        onDoubleClick={() => props.onOpen?.(row.id)}
      >
        {props.onToggleCheck !== undefined && (
          // A mouse affordance drawn as a box, not a focusable <input>: an option's children are
          // presentational (axe: nested-interactive). The listbox keeps the focus, `x` ticks from
          // the keyboard and the option's aria-checked says it.
          <span
            role="checkbox"
            aria-checked={ticked}
            aria-hidden="true"
            className="alert-row__check"
            title={`Select #${row.tinyId} for a bulk action`}
            onClick={(event) => {
              event.stopPropagation()
              props.onToggleCheck?.(row.id)
            }}
          >
            {ticked ? '✓' : ''}
          </span>
        )}
        <PriorityBadge priority={row.priority} />
        <span className="alert-row__message">{row.message}</span>
        <span className="alert-row__meta">
          <span
            className={`state state--${row.deletion === undefined ? state.toLowerCase() : 'deleting'}`}
          >
            {state}
          </span>
          {row.owner !== undefined && (
            <span className="alert-row__owner" title={owner?.unresolved}>
              {owner?.text ?? row.owner}
            </span>
          )}
          <span className="alert-row__tiny">#{row.tinyId}</span>
          <time
            className="alert-row__age"
            dateTime={row.createdAt}
            title={`Created ${formatFullTime(row.createdAt)}`}
          >
            {formatAge(row.createdMs, now)}
          </time>
        </span>
      </div>
    )
  }

  return (
    <VirtualList
      label={`Alerts, ${rows.length}`}
      itemCount={rows.length}
      rowHeight={ALERT_ROW_HEIGHT}
      getKey={(index) => rows[index]?.id ?? String(index)}
      renderRow={renderRow}
      activeIndex={activeIndex}
      onActiveChange={(index) => {
        const row = rows[index]
        if (row !== undefined) props.onSelect(row.id)
      }}
      onOpen={(index) => {
        const row = rows[index]
        if (row !== undefined) props.onOpen?.(row.id)
      }}
      className="alert-list"
      {...(props.fallbackHeight !== undefined ? { fallbackHeight: props.fallbackHeight } : {})}
    />
  )
}
