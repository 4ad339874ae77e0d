import { Temporal } from 'temporal-polyfill'

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n)
}

/** "Mon 6 Jul 09:00": locale-independent, like the rest of the dense lists. */
function wallClock(time: Temporal.ZonedDateTime): string {
  const day = `${WEEKDAYS[time.dayOfWeek - 1] ?? ''} ${time.day} ${MONTHS[time.month - 1] ?? ''}`
  return `${day} ${pad(time.hour)}:${pad(time.minute)}`
}

/** The zone this browser displays in (the user's), for `handoverText`. */
export function userTimeZone(): string {
  return Temporal.Now.timeZoneId()
}

/**
 * A handover as the schedule states it, on the schedule's clock and labelled with its zone, so a
 * reader never mistakes it for their own time; the user's clock follows, labelled too, only when
 * it reads differently.
 */
export function handoverText(instantMs: number, scheduleZone: string, userZone: string): string {
  const instant = Temporal.Instant.fromEpochMilliseconds(instantMs)
  const theirs = wallClock(instant.toZonedDateTimeISO(scheduleZone))
  const mine = wallClock(instant.toZonedDateTimeISO(userZone))
  const text = `${theirs} ${scheduleZone}`
  return mine === theirs ? text : `${text} (${mine} ${userZone}, your time)`
}
