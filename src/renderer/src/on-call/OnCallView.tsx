import { useState, type ReactElement } from 'react'
import { useWorkspace } from '../app/workspace-context'
import { useEscalations, useOnCalls, useSchedules, useTeams, useUsers } from '../db/directory-reads'
import { EscalationChains } from './EscalationChains'
import { ShiftsByDay } from './ShiftsByDay'
import { YouCard } from './YouCard'
import '../incidents/coordination.css'
import { handoverText, userTimeZone } from './shift-time'
import { myShifts, nowAndNext, scheduleZoneProblem, type Shift } from './shifts'

const TWO_WEEKS = 14 * 86_400_000

/**
 * "Am I on call?" first (the You card), then who is on call now and next for each schedule, the
 * coming week by day, the escalation chains and the user's own upcoming shifts. Handovers
 * are computed and shown in each schedule's own zone (labelled), never the machine's.
 */
export function OnCallView(): ReactElement {
  const { db, username, config } = useWorkspace()
  const schedules = useSchedules(db)
  const onCalls = useOnCalls(db)
  const users = useUsers(db)
  const teams = useTeams(db)
  const escalations = useEscalations(db)
  const [at] = useState(() => Date.now())
  const [userZone] = useState(userTimeZone)

  return (
    <section className="page" aria-labelledby="on-call-title">
      <h2 id="on-call-title">On call</h2>
      <YouCard
        {...(username !== undefined ? { username } : {})}
        workspaceId={config.id}
        schedules={schedules ?? []}
        onCalls={onCalls ?? []}
        users={users ?? []}
        at={at}
        zone={userZone}
      />
      {schedules?.length === 0 && <p className="muted">No schedules imported yet.</p>}
      <ul className="cards">
        {schedules?.map((schedule) => {
          const reported = onCalls?.find((o) => o.scheduleId === schedule.id)
          const problem = scheduleZoneProblem(schedule)
          const rotations = problem === undefined ? nowAndNext(schedule, at) : []
          const nowNames =
            reported?.usernames ?? rotations.flatMap((r) => (r.now ? [r.now.who] : []))
          return (
            <li key={schedule.id} className="card" data-schedule-id={schedule.id}>
              <h3>{schedule.name}</h3>
              {problem !== undefined && <p role="alert">{problem}</p>}
              <p>
                <strong>Now:</strong> {nowNames.join(', ') || 'nobody'}
              </p>
              <ul className="plain-list">
                {rotations.map((r, i) =>
                  r.next ? (
                    <li key={i}>
                      <strong>Next</strong> ({r.next.rotation}): {r.next.who} from{' '}
                      {handoverText(r.next.start, r.next.zone, userZone)}
                    </li>
                  ) : null,
                )}
              </ul>
            </li>
          )
        })}
      </ul>
      <ShiftsByDay
        schedules={schedules ?? []}
        {...(username !== undefined ? { me: username } : {})}
        at={at}
        zone={userZone}
      />
      <EscalationChains
        escalations={escalations ?? []}
        users={users ?? []}
        teams={teams ?? []}
        schedules={schedules ?? []}
      />
      <h3>My shifts</h3>
      {username === undefined ? (
        <p className="muted">Set your Opsgenie username in Settings to see your shifts.</p>
      ) : (
        <MyShifts shifts={myShifts(schedules ?? [], username, at, TWO_WEEKS)} userZone={userZone} />
      )}
    </section>
  )
}

function MyShifts(props: { shifts: readonly Shift[]; userZone: string }): ReactElement {
  if (props.shifts.length === 0) return <p className="muted">No shifts in the next two weeks.</p>
  return (
    <ul className="plain-list" aria-label="My shifts">
      {props.shifts.map((s) => (
        <li key={`${s.scheduleId}:${s.rotation}:${s.start}`}>
          {s.scheduleName} ({s.rotation}): {handoverText(s.start, s.zone, props.userZone)} –{' '}
          {handoverText(s.end, s.zone, props.userZone)}
        </li>
      ))}
    </ul>
  )
}
