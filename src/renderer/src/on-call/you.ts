import { Temporal } from 'temporal-polyfill'
import type { OnCall, Schedule } from '../../../shared/domain'
import { myShifts, nominalMs, rotationShifts, scheduleZoneProblem, type Shift } from './shifts'

const DAY = 86_400_000
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const pad = (n: number): string => (n < 10 ? `0${n}` : String(n))

/** The answer to "am I on call?": now (and until when), and the next shift. */
export interface YouNow {
  /** The rotations I hold right now, by the cached schedules. */
  readonly current: readonly Shift[]
  /** Schedules where Opsgenie's own on-call answer names me (it knows overrides the cache lacks). */
  readonly reported: readonly string[]
  /** When my current cover ends: the latest end among the shifts I hold now. */
  readonly until?: number
  readonly next?: Shift
}

export function youNow(
  schedules: readonly Schedule[],
  onCalls: readonly OnCall[],
  me: string,
  at: number,
): YouNow {
  const shifts = myShifts(schedules, me, at, 30 * DAY)
  const current = shifts.filter((s) => s.start <= at && at < s.end)
  const next = shifts.find((s) => s.start > at)
  const reported = onCalls.filter((o) => o.usernames.includes(me)).map((o) => o.scheduleName)
  const until = current.length > 0 ? Math.max(...current.map((s) => s.end)) : undefined
  return {
    current,
    reported,
    ...(until !== undefined ? { until } : {}),
    ...(next !== undefined ? { next } : {}),
  }
}

/** "in 3 h 20 m", "in 2 d 4 h", "5 m ago": the distance a responder reads at a glance. */
export function relativeTime(ms: number, at: number): string {
  const diff = Math.abs(ms - at)
  const minutes = Math.round(diff / 60_000)
  const days = Math.floor(minutes / 1440)
  const hours = Math.floor((minutes % 1440) / 60)
  const mins = minutes % 60
  const text =
    days > 0
      ? `${days} d${hours > 0 ? ` ${hours} h` : ''}`
      : hours > 0
        ? `${hours} h${mins > 0 ? ` ${mins} m` : ''}`
        : `${mins} m`
  return ms >= at ? `in ${text}` : `${text} ago`
}

/** "Tue 8 Dec 09:00 Europe/Berlin": weekday, date, time and the zone it is in. */
export function zonedText(ms: number, zone: string): string {
  const t = Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(zone)
  return `${WEEKDAYS[t.dayOfWeek - 1] ?? ''} ${t.day} ${MONTHS[t.month - 1] ?? ''} ${pad(t.hour)}:${pad(t.minute)} ${zone}`
}

export interface DayOfShifts {
  /** "Today, Sun 6 Dec" in the user's zone. */
  readonly label: string
  readonly shifts: readonly Shift[]
}

/**
 * Everyone's shifts for `days` days from `at`, grouped by the day they start on the user's own
 * clock (the shift running now leads today). Schedules with an unknown zone are left out: their
 * cards say why.
 */
export function shiftsByDay(
  schedules: readonly Schedule[],
  at: number,
  zone: string,
  days = 7,
): DayOfShifts[] {
  const today = Temporal.Instant.fromEpochMilliseconds(at).toZonedDateTimeISO(zone).toPlainDate()
  const all: Shift[] = []
  for (const schedule of schedules) {
    if (scheduleZoneProblem(schedule) !== undefined) continue
    for (const rotation of schedule.rotations) {
      const count = Math.min(200, Math.ceil((days * DAY) / nominalMs(rotation)) + 2)
      for (const s of rotationShifts(schedule, rotation, at, count))
        if (s.start < at + days * DAY) all.push(s)
    }
  }
  const groups: DayOfShifts[] = []
  for (let i = 0; i < days; i += 1) {
    const date = today.add({ days: i })
    const shifts = all
      .filter((s) => {
        const started = Temporal.Instant.fromEpochMilliseconds(Math.max(s.start, at))
        return (
          Temporal.PlainDate.compare(started.toZonedDateTimeISO(zone).toPlainDate(), date) === 0
        )
      })
      .sort((a, b) => a.start - b.start)
    const name = `${WEEKDAYS[date.dayOfWeek - 1] ?? ''} ${date.day} ${MONTHS[date.month - 1] ?? ''}`
    const label = i === 0 ? `Today, ${name}` : i === 1 ? `Tomorrow, ${name}` : name
    if (shifts.length > 0) groups.push({ label, shifts })
  }
  return groups
}

/** "09:00" on the user's clock. */
export function clockText(ms: number, zone: string): string {
  const t = Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(zone)
  return `${pad(t.hour)}:${pad(t.minute)}`
}
