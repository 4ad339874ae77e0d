import { describe, expect, it } from 'vitest'
import { nextHandover, rotationOnCall, scheduleOnCall } from '../../src/simulator/on-call'
import type { RotationRecord, ScheduleRecord } from '../../src/simulator/store'

const start = Date.UTC(2024, 0, 1)
const day = 86_400_000
const rotation = (
  type: RotationRecord['type'],
  length = 1,
  extra: Partial<RotationRecord> = {},
): RotationRecord => ({
  id: 'r',
  name: 'r',
  startDate: start,
  type,
  length,
  participantIds: ['u1', 'u2', 'u3'],
  ...extra,
})
const schedule = (rotations: RotationRecord[], enabled = true): ScheduleRecord => ({
  id: 's',
  name: 's',
  description: '',
  timezone: 'UTC',
  enabled,
  ownerTeamId: 't',
  rotations,
})

describe('on-call computation', () => {
  it('hands over every period in participant order and wraps around', () => {
    const r = rotation('daily')
    expect([0, 1, 2, 3].map((d) => rotationOnCall(r, start + d * day + 1))).toEqual([
      'u1',
      'u2',
      'u3',
      'u1',
    ])
    expect(rotationOnCall(rotation('weekly'), start + 8 * day)).toBe('u2')
    expect(rotationOnCall(rotation('hourly', 2), start + 5 * 3_600_000)).toBe('u3')
  })

  it('has nobody before the start or after the end of a rotation', () => {
    expect(rotationOnCall(rotation('daily'), start - 1)).toBeUndefined()
    expect(
      rotationOnCall(rotation('daily', 1, { endDate: start + day }), start + day),
    ).toBeUndefined()
  })

  it('always has someone on call for a running schedule, and nobody when it is disabled', () => {
    const s = schedule([rotation('hourly')])
    for (let t = start; t < start + 3 * day; t += 1_234_567)
      expect(scheduleOnCall(s, t)).toHaveLength(1)
    expect(scheduleOnCall(schedule([rotation('daily')], false), start + day)).toEqual([])
  })

  it('finds the next handover', () => {
    expect(nextHandover(schedule([rotation('daily')]), start + day + 5)).toBe(start + 2 * day)
    expect(nextHandover(schedule([rotation('daily'), rotation('hourly')]), start + 10)).toBe(
      start + 3_600_000,
    )
  })
})
