import { useId, type ReactElement } from 'react'
import { useAlarm, type AlarmStore } from '.'
import { useLiveQuery } from '../db/use-live-query'
import { useWorkspace } from '../app/workspace-context'

export interface AlarmBannerProps {
  readonly alarm: AlarmStore
  acknowledge(alertId: string): void
  open(alertId: string): void
}

/**
 * The in-app alarm: shown while anything rings, with the oldest ringing alert's message and
 * buttons to acknowledge or open it. It goes away when the ringer stops (acknowledged or closed
 * here or anywhere else), never on a timer.
 */
export function AlarmBanner(props: AlarmBannerProps): ReactElement | null {
  const { db } = useWorkspace()
  const ringing = useAlarm(props.alarm)
  const textId = useId()
  const first = ringing[0]
  const alert = useLiveQuery(
    async () => (first === undefined ? null : ((await db.alerts.get(first)) ?? null)),
    [db, first],
  )
  if (first === undefined) return null
  const more = ringing.length - 1
  return (
    // named by its own text, so a screen reader announces which alert rings, not a fixed label
    <div className="alarm-banner" role="alert" aria-labelledby={textId}>
      <span className="alarm-banner__icon" aria-hidden="true">
        ⏰
      </span>
      <p className="alarm-banner__text" id={textId}>
        <strong>{alert?.priority ?? 'Alert'} ringing:</strong> {alert?.message ?? '…'}
        {more > 0 && <span className="muted"> and {more} more</span>}
      </p>
      <div className="button-row">
        <button type="button" className="primary" onClick={() => props.acknowledge(first)}>
          Acknowledge
        </button>
        <button type="button" onClick={() => props.open(first)}>
          Open
        </button>
      </div>
    </div>
  )
}
