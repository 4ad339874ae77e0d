import type { ReactElement } from 'react'
import type { Activity, ResponderRef } from '../../../shared/domain'
import { PriorityBadge } from '../components/PriorityBadge'
import { Timeline } from '../components/Timeline'
import { formatTime } from '../components/format'
import type { ActivityRow, AlertRow } from '../db/rows'
import type { PendingNote } from './pending-rows'
import { isSnoozedNow } from './alert-query'
import { directoryNames, type DirectoryNames, type ShownName } from './directory-names'
import { AlertActions, type AlertActionsProps } from './AlertActions'

/** Focus this (it takes focus) to "open" the selected alert from the keyboard. */
export const ALERT_DETAIL_TITLE_ID = 'alert-detail-title'

export interface AlertDetailProps extends Omit<AlertActionsProps, 'alert'> {
  readonly alert: AlertRow
  readonly timeline: readonly ActivityRow[]
  /** Notes queued in the outbox, shown after the timeline until they arrive in it. */
  readonly pendingNotes?: readonly PendingNote[]
  /** Names for the ids the alert carries (teams, responders, owner), from the directory. */
  readonly names?: DirectoryNames
  /** Who a timeline entry names ("You" for what was sent from here). */
  readonly actorName?: (entry: Activity) => string
}

function responderText(r: ResponderRef, names: DirectoryNames): ShownName {
  const name = names.responder(r)
  return { ...name, text: `${name.text} (${r.type})` }
}

/** The alert's state in words; a snooze counts until it runs out. */
function statusText(alert: AlertRow): string {
  if (alert.status === 'closed') return 'Closed'
  if (isSnoozedNow(alert))
    return alert.snoozedUntil === undefined
      ? 'Open, snoozed'
      : `Open, snoozed until ${formatTime(alert.snoozedUntil)}`
  return alert.acknowledged ? 'Open, acknowledged' : 'Open, not acknowledged'
}

/** One alert: its fields, responders, owner, timeline and the actions on it. */
export function AlertDetail(props: AlertDetailProps): ReactElement {
  const { alert } = props
  const names = props.names ?? directoryNames(undefined)
  const owner = alert.owner === undefined ? undefined : names.user(alert.owner)
  const teams = alert.teams.map((t) => names.team(t))
  const fields: [string, string | undefined][] = [
    ['Status', statusText(alert)],
    [
      'Owner',
      owner === undefined
        ? 'Nobody'
        : owner.unresolved !== undefined || owner.text === alert.owner
          ? owner.text
          : `${owner.text} (${alert.owner})`,
    ],
    ['Alias', alert.alias],
    ['Teams', teams.map((t) => t.text).join(', ') || undefined],
    ['Entity', alert.entity],
    ['Source', alert.source],
    ['Tags', alert.tags.join(', ') || undefined],
    ['Count', String(alert.count)],
    ['Created', formatTime(alert.createdAt)],
    ['Updated', formatTime(alert.updatedAt)],
  ]
  return (
    <article
      className="detail"
      aria-labelledby={ALERT_DETAIL_TITLE_ID}
      data-alert-detail={alert.id}
    >
      <header className="detail__header">
        <PriorityBadge priority={alert.priority} />
        <h2 id={ALERT_DETAIL_TITLE_ID} tabIndex={-1}>
          {alert.message}
        </h2>
        <span className="muted">#{alert.tinyId}</span>
      </header>
      <AlertActions {...props} />
      <dl className="fields">
        {fields
          .filter((f): f is [string, string] => f[1] !== undefined && f[1] !== '')
          .map(([name, value]) => (
            <div key={name} className="fields__row">
              <dt>{name}</dt>
              <dd>{value}</dd>
            </div>
          ))}
      </dl>
      {alert.description !== undefined && alert.description !== '' && (
        <section aria-label="Description">
          <h3>Description</h3>
          <p className="pre-wrap">{alert.description}</p>
        </section>
      )}
      <section aria-labelledby="alert-responders">
        <h3 id="alert-responders">Responders</h3>
        {alert.responders.length === 0 ? (
          <p className="muted">No responders.</p>
        ) : (
          <ul className="chips">
            {alert.responders.map((r) => {
              const shown = responderText(r, names)
              return (
                <li key={`${r.type}:${r.id ?? r.name}`} title={shown.unresolved}>
                  {shown.text}
                </li>
              )
            })}
          </ul>
        )}
      </section>
      {alert.details !== undefined && Object.keys(alert.details).length > 0 && (
        <section aria-labelledby="alert-details">
          <h3 id="alert-details">Details</h3>
          <dl className="fields">
            {Object.entries(alert.details).map(([k, v]) => (
              <div key={k} className="fields__row">
                <dt>{k}</dt>
                <dd>{v}</dd>
              </div>
            ))}
          </dl>
        </section>
      )}
      <section aria-labelledby="alert-timeline">
        <h3 id="alert-timeline">Timeline</h3>
        <Timeline
          entries={props.timeline}
          label="Alert timeline"
          {...(props.pendingNotes !== undefined ? { pending: props.pendingNotes } : {})}
          {...(props.actorName !== undefined ? { actorName: props.actorName } : {})}
        />
      </section>
    </article>
  )
}
