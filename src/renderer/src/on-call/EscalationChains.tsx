import type { ReactElement } from 'react'
import { assertNever } from '../../../shared/assert-never'
import type { Escalation, ResponderRef, Schedule, Team, User } from '../../../shared/domain'

function recipientName(
  r: ResponderRef,
  dir: { users: readonly User[]; teams: readonly Team[]; schedules: readonly Schedule[] },
): string {
  const byId = <T extends { id: string }>(rows: readonly T[]): T | undefined =>
    rows.find((row) => row.id === r.id)
  switch (r.type) {
    case 'user':
      return byId(dir.users)?.fullName ?? r.name ?? 'a user'
    case 'team':
      return `${byId(dir.teams)?.name ?? r.name ?? 'a team'} (team)`
    case 'schedule':
      return `${byId(dir.schedules)?.name ?? r.name ?? 'a schedule'} on call`
    case 'escalation':
      return `escalation ${r.name ?? ''}`.trim()
    default:
      return assertNever(r.type)
  }
}

/**
 * Who is notified when nobody acts, step by step, with names from the directory. Overrides are
 * not in the cache (Opsgenie's on-call answer above already counts them), which this says.
 */
export function EscalationChains(props: {
  escalations: readonly Escalation[]
  users: readonly User[]
  teams: readonly Team[]
  schedules: readonly Schedule[]
}): ReactElement {
  return (
    <section aria-labelledby="escalations-title">
      <h3 id="escalations-title">Escalation chains</h3>
      {props.escalations.length === 0 && <p className="muted">No escalations imported yet.</p>}
      {props.escalations.map((e) => (
        <div key={e.id} className="card">
          <h4>{e.name}</h4>
          <ol aria-label={`Escalation ${e.name}`}>
            {e.rules.map((rule, i) => (
              <li key={i}>
                {rule.delayMinutes === 0 ? 'At once' : `After ${rule.delayMinutes} min`},{' '}
                {rule.condition === 'if-not-acked' ? 'if not acknowledged' : 'if not closed'}:{' '}
                {recipientName(rule.recipient, props)}
              </li>
            ))}
          </ol>
        </div>
      ))}
      <p className="muted">
        Overrides are not kept in this app’s cache; “on call now” above includes them because it is
        Opsgenie’s own answer.
      </p>
    </section>
  )
}
