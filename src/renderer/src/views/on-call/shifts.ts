import { assertNever } from '../../../../shared/assert-never'
import type { Rotation, Schedule } from '../../../../shared/domain'

export interface Shift {
  readonly scheduleId: string
  readonly scheduleName: string
  readonly rotation: string
  readonly who: string
  readonly start: number
  readonly end: number
}

function unitMs(type: Rotation['type']): number {
  switch (type) {
    case 'hourly':
      return 3_600_000
    case 'daily':
      return 86_400_000
    case 'weekly':
      return 7 * 86_400_000
    default:
      return assertNever(type, 'rotation type')
  }
}

/**
 * The shifts of one rotation from the one in progress at `from` onwards. Computed from the
 * schedule's rotations (no restrictions or overrides: the cache does not hold them), which is
 * what answers "who is next" offline.
 */
export function rotationShifts(
  schedule: Schedule,
  rotation: Rotation,
  from: number,
  count: number,
): Shift[] {
  const people = rotation.participants
  const start = Date.parse(rotation.startDate)
  if (people.length === 0 || Number.isNaN(start)) return []
  const period = unitMs(rotation.type) * rotation.length
  let index = from < start ? 0 : Math.floor((from - start) / period)
  const shifts: Shift[] = []
  for (let n = 0; n < count; n += 1, index += 1) {
    const person = people[index % people.length]
    shifts.push({
      scheduleId: schedule.id,
      scheduleName: schedule.name,
      rotation: rotation.name,
      who: person?.name ?? person?.id ?? '?',
      start: start + index * period,
      end: start + (index + 1) * period,
    })
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

/** The user's own shifts across every schedule within `horizonMs`, soonest first. */
export function myShifts(
  schedules: readonly Schedule[],
  me: string,
  at: number,
  horizonMs: number,
): Shift[] {
  const mine: Shift[] = []
  for (const schedule of schedules) {
    for (const rotation of schedule.rotations) {
      const period = unitMs(rotation.type) * rotation.length
      const count = Math.min(200, Math.ceil(horizonMs / period) + 1)
      for (const shift of rotationShifts(schedule, rotation, at, count)) {
        if (shift.who === me && shift.start < at + horizonMs) mine.push(shift)
      }
    }
  }
  return mine.sort((a, b) => a.start - b.start)
}
