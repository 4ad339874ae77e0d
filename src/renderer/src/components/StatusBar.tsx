import { useEffect, useState, type ReactElement, type ReactNode } from 'react'
import type { ConnectionHealth } from '../../../shared/ipc/schemas'
import { describeSince } from '../app/status-store'

const HEALTH_TEXT: Readonly<Record<ConnectionHealth['state'], string>> = {
  live: 'Live',
  polling: 'Polling',
  degraded: 'Degraded',
  offline: 'Offline',
}

export interface StatusBarProps {
  readonly workspaceName: string
  readonly health?: ConnectionHealth
  readonly lastEventAt?: number
  /** Commands waiting to be sent (the outbox fills this in). */
  readonly queued: number
  /** Commands Opsgenie refused for good: "1 action failed", a way to the Outbox. */
  readonly failed?: number
  onOpenOutbox?(): void
  readonly now?: () => number
  /** More items at the end (the ingest's progress during a backfill). */
  readonly children?: ReactNode
}

/**
 * What the outbox is doing, in words and never as a countdown: "Offline: 2 actions waiting" while
 * the network is gone, "Sending 2 actions…" once it is back, "All sent" when nothing waits.
 */
export function outboxProgress(queued: number, offline: boolean): string {
  if (queued === 0) return 'All sent'
  const actions = `${queued} action${queued === 1 ? '' : 's'}`
  return offline ? `Offline: ${actions} waiting` : `Sending ${actions}…`
}

/** Workspace, connection health, time since the last event, and what is waiting to be sent. */
export function StatusBar(props: StatusBarProps): ReactElement {
  const clock = props.now ?? Date.now
  const [now, setNow] = useState(clock)
  useEffect(() => {
    const timer = setInterval(() => setNow(clock()), 1000)
    return () => clearInterval(timer)
  }, [clock])
  const state = props.health?.state
  const failed = props.failed ?? 0

  return (
    <footer className="status-bar" role="contentinfo" aria-label="Status">
      <span className="status-bar__item" data-testid="status-workspace">
        Workspace: <strong>{props.workspaceName}</strong>
      </span>
      <span
        className={`status-bar__item health health--${state ?? 'unknown'}`}
        role="status"
        aria-live="polite"
        data-testid="status-health"
        data-health={state ?? 'unknown'}
      >
        <span className="health__dot" aria-hidden="true" />
        {state === undefined ? 'Connecting…' : HEALTH_TEXT[state]}
        {props.health?.detail !== undefined && (
          <span className="muted"> ({props.health.detail})</span>
        )}
      </span>
      <span className="status-bar__item" data-testid="status-last-event">
        Last event: {describeSince(props.lastEventAt, now)}
      </span>
      <span className="status-bar__item" data-testid="status-queued">
        {outboxProgress(props.queued, state === 'offline')}
      </span>
      {failed > 0 && (
        <button
          type="button"
          className="status-bar__item status-bar__failed"
          data-testid="status-failed"
          onClick={props.onOpenOutbox}
        >
          {failed} action{failed === 1 ? '' : 's'} failed
        </button>
      )}
      {props.children}
    </footer>
  )
}
