import type { ReactElement } from 'react'

export interface OfflineBannerProps {
  /** Actions waiting in the outbox. */
  readonly queued: number
  /** When the cached data was last known to be current. */
  readonly asOf?: number
  /** Why: "Opsgenie unreachable", "this computer has no network", the intake's detail. */
  readonly detail?: string
}

const clock = (at: number): string =>
  new Date(at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })

/** "2 actions queued": the count with its noun, no "1 actions". */
export function actionsQueued(n: number): string {
  return n === 0 ? 'no actions queued' : `${n} action${n === 1 ? '' : 's'} queued`
}

/**
 * Under the header while Opsgenie or the relay is unreachable: what that means for the
 * responder's actions (they wait, in order) and how old the list they look at is.
 */
export function OfflineBanner(props: OfflineBannerProps): ReactElement {
  const queued =
    props.queued === 0
      ? 'actions you take are queued and sent in order when the connection returns'
      : `${actionsQueued(props.queued)}, sent in order when the connection returns`
  return (
    <p className="banner banner--offline" role="alert" data-testid="offline-banner">
      <strong>Offline:</strong> {queued}
      {props.asOf !== undefined ? `; data as of ${clock(props.asOf)}` : ''}.
      {props.detail !== undefined && <span className="muted"> ({props.detail})</span>}
    </p>
  )
}
