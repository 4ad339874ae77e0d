import { useEffect, useId, useState, type ReactElement } from 'react'
import { useAlarm, useSilencedUntil, useSoundBlocked, type AlarmStore } from './alarm-store'
import { useLiveQuery } from '../db/use-live-query'
import { useWorkspace } from '../app/workspace-context'
import { PriorityBadge } from '../components/PriorityBadge'
import { describeKeys, KEYMAP } from '../keyboard/keymap'
import { formatTime } from '../components/format'
import { AlarmIcon } from './AlarmIcon'
import { useRingingTotal } from './ringing-registry'

/** "Silence for 5 minutes": long enough to read and act, short enough not to forget a page. */
export const SILENCE_MS = 5 * 60_000

export interface AlarmBannerProps {
  readonly alarm: AlarmStore
  acknowledge(alertId: string): void
  /** What the `a` key does while something rings: acknowledge every ringing alert. */
  acknowledgeRinging(): void
  silence(ms: number): void
  open(alertId: string): void
  /** Lets a browser play the alarm: called inside the click, the gesture the page needs. */
  enableSound(): void
  /**
   * Something also rings in another connected workspace: the main button then acknowledges all
   * of it, as `a` does, even when one alert rings here.
   */
  readonly alsoElsewhere?: boolean
}

/**
 * The in-app alarm, in the page flow under the header (it pushes the views down, never covers
 * the navigation). It names the oldest ringing alert and shows the key that acknowledges what
 * rings; it expands into the list of everything ringing, each with its own buttons. It goes away
 * when the ringer stops (acknowledged or closed here or anywhere else), never on a timer.
 */
export function AlarmBanner(props: AlarmBannerProps): ReactElement | null {
  const { db } = useWorkspace()
  const ringing = useAlarm(props.alarm)
  const silencedUntil = useSilencedUntil(props.alarm)
  const soundBlocked = useSoundBlocked(props.alarm)
  const [expanded, setExpanded] = useState(false)
  const textId = useId()
  const listId = useId()
  const alerts = useLiveQuery(() => db.alerts.bulkGet([...ringing]), [db, ringing])
  const first = ringing[0]
  if (first === undefined) return null
  const firstAlert = alerts?.[0]
  const more = ringing.length - 1
  const key = describeKeys(KEYMAP.acknowledge, false)
  const all = more > 0 || props.alsoElsewhere === true
  return (
    // named by its own text, so a screen reader announces which alert rings, not a fixed label
    <section className="alarm-banner" role="alert" aria-labelledby={textId}>
      <div className="alarm-banner__row">
        <AlarmIcon className="alarm-banner__icon" />
        <p className="alarm-banner__text" id={textId}>
          <strong>{firstAlert?.priority ?? 'Alert'} ringing:</strong> {firstAlert?.message ?? '…'}
          {more > 0 && <span className="muted"> and {more} more</span>}
          {silencedUntil !== null && (
            <span className="muted"> (sound off until {formatTime(silencedUntil)})</span>
          )}
        </p>
        <div className="button-row">
          <button
            type="button"
            className="primary"
            aria-keyshortcuts={key}
            onClick={() => (all ? props.acknowledgeRinging() : props.acknowledge(first))}
          >
            {all ? 'Acknowledge all ringing' : 'Acknowledge'} <kbd>{key}</kbd>
          </button>
          {more === 0 && (
            <button type="button" onClick={() => props.open(first)}>
              Open
            </button>
          )}
          <button
            type="button"
            disabled={silencedUntil !== null}
            onClick={() => props.silence(SILENCE_MS)}
          >
            Silence for 5 minutes
          </button>
          {soundBlocked && (
            <button type="button" className="alarm-banner__sound" onClick={props.enableSound}>
              Sound is blocked: click to enable
            </button>
          )}
          {more > 0 && (
            <button
              type="button"
              aria-expanded={expanded}
              aria-controls={listId}
              onClick={() => setExpanded(!expanded)}
            >
              {expanded ? 'Hide list' : `Show all ${ringing.length}`}
            </button>
          )}
        </div>
      </div>
      {expanded && more > 0 && (
        <ul className="alarm-banner__list" id={listId} aria-label="Ringing alerts">
          {ringing.map((alertId, index) => {
            const alert = alerts?.[index]
            return (
              <li key={alertId} className="alarm-banner__item">
                {alert !== undefined && <PriorityBadge priority={alert.priority} />}
                <span className="alarm-banner__message">
                  {alert === undefined ? '…' : `#${alert.tinyId} ${alert.message}`}
                </span>
                <button type="button" onClick={() => props.acknowledge(alertId)}>
                  Acknowledge
                </button>
                <button type="button" onClick={() => props.open(alertId)}>
                  Open
                </button>
              </li>
            )
          })}
        </ul>
      )}
    </section>
  )
}

/**
 * The header's count of what rings (unacknowledged, since acknowledging stops ringing) in every
 * connected workspace, also written to the window title so it shows in the taskbar and the
 * browser tab.
 */
export function RingingCount(): ReactElement | null {
  const count = useRingingTotal()
  useTitle(count === 0 ? 'Ondeck' : `(${count}) ringing · Ondeck`)
  if (count === 0) return null
  return (
    <span className="ringing-count" role="status" aria-label={`${count} ringing, unacknowledged`}>
      <AlarmIcon className="ringing-count__icon" /> {count} ringing
    </span>
  )
}

function useTitle(title: string): void {
  useEffect(() => {
    document.title = title
  }, [title])
  useEffect(
    () => () => {
      document.title = 'Ondeck'
    },
    [],
  )
}
