import type { RotationRecord, ScheduleRecord } from './store'

const UNIT_MS = { hourly: 3_600_000, daily: 86_400_000, weekly: 604_800_000 } as const

export function rotationPeriodMs(r: RotationRecord): number {
  return UNIT_MS[r.type] * Math.max(1, r.length)
}

/**
 * Who a rotation puts on call at `at`: participants take turns of `length` units from
 * `startDate`. Time restrictions are not modelled, so a running rotation always has someone.
 */
export function rotationOnCall(r: RotationRecord, at: number): string | undefined {
  if (
    at < r.startDate ||
    (r.endDate !== undefined && at >= r.endDate) ||
    r.participantIds.length === 0
  )
    return undefined
  const turn = Math.floor((at - r.startDate) / rotationPeriodMs(r))
  return r.participantIds[turn % r.participantIds.length]
}

/** User ids on call for a schedule at `at`, across its rotations, without duplicates. */
export function scheduleOnCall(s: ScheduleRecord, at: number): string[] {
  if (!s.enabled) return []
  const ids = s.rotations
    .map((r) => rotationOnCall(r, at))
    .filter((id): id is string => id !== undefined)
  return [...new Set(ids)]
}

/** The next moment after `at` when any rotation of the schedule hands over. */
export function nextHandover(s: ScheduleRecord, at: number): number | undefined {
  const times = s.rotations.map((r) => {
    if (at < r.startDate) return r.startDate
    const period = rotationPeriodMs(r)
    const next = r.startDate + (Math.floor((at - r.startDate) / period) + 1) * period
    return r.endDate !== undefined && next >= r.endDate ? undefined : next
  })
  const valid = times.filter((t): t is number => t !== undefined)
  return valid.length > 0 ? Math.min(...valid) : undefined
}
