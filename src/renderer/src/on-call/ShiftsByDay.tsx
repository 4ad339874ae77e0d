import type { ReactElement } from 'react'
import type { Schedule } from '../../../shared/domain'
import { clockText, shiftsByDay } from './you'

/** The coming seven days, a heading per day on the user's clock, the user's own shifts marked. */
export function ShiftsByDay(props: {
  schedules: readonly Schedule[]
  me?: string
  at: number
  zone: string
}): ReactElement {
  const days = shiftsByDay(props.schedules, props.at, props.zone)
  return (
    <section aria-labelledby="shifts-by-day-title">
      <h3 id="shifts-by-day-title">Next seven days ({props.zone})</h3>
      {days.length === 0 && <p className="muted">No shifts known for the next seven days.</p>}
      {days.map((day) => (
        <div key={day.label} className="shift-day">
          <h4>{day.label}</h4>
          <ul className="plain-list" aria-label={day.label}>
            {day.shifts.map((s) => (
              <li
                key={`${s.scheduleId}:${s.rotation}:${s.start}`}
                className={s.who === props.me ? 'shift--mine' : undefined}
              >
                {clockText(s.start, props.zone)}–{clockText(s.end, props.zone)}{' '}
                <strong>{s.who === props.me ? `${s.who} (you)` : s.who}</strong>{' '}
                <span className="muted">
                  {s.scheduleName}, {s.rotation}
                </span>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  )
}
