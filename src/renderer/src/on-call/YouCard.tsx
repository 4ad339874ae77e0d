import { useState, type ReactElement } from 'react'
import type { OnCall, Schedule, User } from '../../../shared/domain'
import { useAppServices } from '../app/services'
import { relativeTime, youNow, zonedText } from './you'

function When(props: { ms: number; at: number; zone: string }): ReactElement {
  return (
    <>
      <time dateTime={new Date(props.ms).toISOString()}>{zonedText(props.ms, props.zone)}</time> (
      {relativeTime(props.ms, props.at)})
    </>
  )
}

/** Lets a responder say who they are by picking from the directory: no typing at 3 a.m. */
function WhoAreYou(props: {
  workspaceId: string
  users: readonly User[]
  onPicked(username: string): void
}): ReactElement {
  const { settings } = useAppServices()
  const [choice, setChoice] = useState('')
  const [error, setError] = useState<string>()
  return (
    <div className="button-row">
      <label className="field--inline">
        Who are you?
        <select value={choice} onChange={(e) => setChoice(e.target.value)}>
          <option value="">Choose your Opsgenie user</option>
          {props.users.map((u) => (
            <option key={u.id} value={u.username}>
              {u.fullName} ({u.username})
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        disabled={choice === ''}
        onClick={() => {
          props.onPicked(choice)
          settings.workspaces
            .update(props.workspaceId, { username: choice })
            .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)))
        }}
      >
        This is me
      </button>
      {error !== undefined && (
        <p role="alert" className="error">
          Used for now, but not saved: {error}
        </p>
      )}
    </div>
  )
}

/**
 * "Am I on call?" answered first: now and until when, or the next shift, each with weekday,
 * relative time and zone. Opsgenie's own on-call answer counts too (it knows overrides).
 */
export function YouCard(props: {
  username?: string
  workspaceId: string
  schedules: readonly Schedule[]
  onCalls: readonly OnCall[]
  users: readonly User[]
  at: number
  zone: string
}): ReactElement {
  const [picked, setPicked] = useState<string>()
  const me = props.username ?? picked
  if (me === undefined) {
    return (
      <section className="card you-card" aria-labelledby="you-title">
        <h3 id="you-title">You</h3>
        <p>Pick yourself to see whether you are on call, and to make “Mine” mean you.</p>
        <WhoAreYou workspaceId={props.workspaceId} users={props.users} onPicked={setPicked} />
      </section>
    )
  }
  const you = youNow(props.schedules, props.onCalls, me, props.at)
  const onCall = you.current.length > 0 || you.reported.length > 0
  const where = [
    ...new Set([
      ...you.current.map((s) => `${s.scheduleName} (${s.rotation})`),
      ...you.reported.filter((r) => !you.current.some((s) => s.scheduleName === r)),
    ]),
  ]
  return (
    <section
      className={`card you-card${onCall ? ' you-card--on' : ''}`}
      aria-labelledby="you-title"
      data-on-call={onCall ? 'yes' : 'no'}
    >
      <h3 id="you-title">You ({me})</h3>
      <p className="you-card__answer">
        <strong>{onCall ? 'You are on call now' : 'You are not on call now'}</strong>
        {onCall && where.length > 0 && <> for {where.join(', ')}</>}
      </p>
      {you.until !== undefined && (
        <p>
          Until <When ms={you.until} at={props.at} zone={props.zone} />
        </p>
      )}
      {you.next !== undefined ? (
        <p>
          Next shift: <When ms={you.next.start} at={props.at} zone={props.zone} /> to{' '}
          {zonedText(you.next.end, props.zone)}, {you.next.scheduleName} ({you.next.rotation})
        </p>
      ) : (
        <p className="muted">No shift of yours in the next 30 days.</p>
      )}
    </section>
  )
}
