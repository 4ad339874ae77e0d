import { Temporal } from 'temporal-polyfill'
import { assertNever } from '../../../shared/assert-never'
import type { Rotation, Schedule } from '../../../shared/domain'

export interface Shift {
  readonly scheduleId: string
  readonly scheduleName: string
  readonly rotation: string
  /** The schedule's IANA time zone: handovers keep their wall-clock time there. */
  readonly zone: string
  readonly who: string
  /** Epoch milliseconds (an instant, whatever the zone). */
  readonly start: number
  readonly end: number
}

/**
 * Why a schedule's shifts cannot be computed, or undefined. An unknown zone is reported rather
 * than replaced by UTC or the machine's zone: a guessed zone would show wrong handovers as fact.
 */
export function scheduleZoneProblem(schedule: Schedule): string | undefined {
  try {
    Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(schedule.timezone)
    return undefined
  } catch {
    return `Schedule "${schedule.name}" has an unknown time zone "${schedule.timezone}"`
  }
}

function zoneOf(schedule: Schedule): string {
  const problem = scheduleZoneProblem(schedule)
  if (problem !== undefined) throw new RangeError(problem)
  return schedule.timezone
}

/**
 * Daily and weekly rotations hand over at the same wall-clock time in the schedule's zone, so
 * across a daylight-saving change a shift lasts 23 or 25 hours; a handover that falls in the
 * skipped hour moves to just after it (Temporal's "compatible", as java.time does). Hourly
 * rotations count elapsed hours.
 */
function periodStart(
  first: Temporal.ZonedDateTime,
  rotation: Rotation,
  index: number,
): Temporal.ZonedDateTime {
  const units = index * rotation.length
  switch (rotation.type) {
    case 'hourly':
      return first.add({ hours: units })
    case 'daily':
      return first.add({ days: units })
    case 'weekly':
      return first.add({ weeks: units })
    default:
      return assertNever(rotation.type, 'rotation type')
  }
}

/** A period's nominal length: only a first guess at the index, corrected against the zone. */
export function nominalMs(rotation: Rotation): number {
  const hour = 3_600_000
  const unit =
    rotation.type === 'hourly' ? hour : rotation.type === 'daily' ? 24 * hour : 168 * hour
  return unit * rotation.length
}

/** The index of the period in progress at `from` (0 before the rotation starts). */
function indexAt(first: Temporal.ZonedDateTime, rotation: Rotation, from: number): number {
  const startMs = first.epochMilliseconds
  if (from < startMs) return 0
  const ms = (index: number): number => periodStart(first, rotation, index).epochMilliseconds
  let index = Math.floor((from - startMs) / nominalMs(rotation))
  while (index > 0 && ms(index) > from) index -= 1
  while (ms(index + 1) <= from) index += 1
  return index
}

/**
 * The shifts of one rotation from the one in progress at `from` onwards, in the schedule's time
 * zone (never the machine's). Computed from the schedule's rotations (no restrictions or
 * overrides: the cache does not hold them), which is what answers "who is next" offline.
 * Throws a RangeError naming the schedule when its zone is unknown.
 */
export function rotationShifts(
  schedule: Schedule,
  rotation: Rotation,
  from: number,
  count: number,
): Shift[] {
  const zone = zoneOf(schedule)
  const people = rotation.participants
  const startMs = Date.parse(rotation.startDate)
  if (people.length === 0 || Number.isNaN(startMs)) return []
  const first = Temporal.Instant.fromEpochMilliseconds(startMs).toZonedDateTimeISO(zone)
  const shifts: Shift[] = []
  let index = indexAt(first, rotation, from)
  let start = periodStart(first, rotation, index)
  for (let n = 0; n < count; n += 1, index += 1) {
    const end = periodStart(first, rotation, index + 1)
    const person = people[index % people.length]
    shifts.push({
      scheduleId: schedule.id,
      scheduleName: schedule.name,
      rotation: rotation.name,
      zone,
      who: person?.name ?? person?.id ?? '?',
      start: start.epochMilliseconds,
      end: end.epochMilliseconds,
    })
    start = end
  }
  return shifts
}

/** Who is on call now and who is next, per rotation of a schedule. */
export function nowAndNext(schedule: Schedule, at: number): { now?: Shift; next?: Shift }[] {
  return schedule.rotations.map((rotation) => {
    const [first, second] = rotationShifts(schedule, rotation, at, 2)
    if (first === undefined) return {}
    return first.start > at ? { next: first } : { now: first, ...(second ? { next: second } : {}) }
  })
}

/**
 * The user's own shifts across every schedule within `horizonMs`, soonest first. A schedule whose
 * zone is unknown is left out (its card says why) rather than failing every other schedule.
 */
export function myShifts(
  schedules: readonly Schedule[],
  me: string,
  at: number,
  horizonMs: number,
): Shift[] {
  const mine: Shift[] = []
  for (const schedule of schedules) {
    if (scheduleZoneProblem(schedule) !== undefined) continue
    for (const rotation of schedule.rotations) {
      const count = Math.min(200, Math.ceil(horizonMs / nominalMs(rotation)) + 2)
      for (const shift of rotationShifts(schedule, rotation, at, count)) {
        if (shift.who === me && shift.start < at + horizonMs) mine.push(shift)
      }
    }
  }
  return mine.sort((a, b) => a.start - b.start)
}
