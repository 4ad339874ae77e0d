import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Rotation, Schedule } from '../../../src/shared/domain'
import {
  myShifts,
  nowAndNext,
  rotationShifts,
  scheduleZoneProblem,
} from '../../../src/renderer/src/on-call/shifts'

/**
 * Handovers happen at the same wall-clock time in the schedule's zone, so a shift that spans a
 * daylight-saving change lasts 23 or 25 hours. The machine runs in a zone unlike every schedule
 * here (Tokyo: no DST, UTC+9), so nothing may lean on the machine's zone.
 */
const machineZone = process.env['TZ']
beforeAll(() => {
  process.env['TZ'] = 'Asia/Tokyo'
})
afterAll(() => {
  if (machineZone === undefined) delete process.env['TZ']
  else process.env['TZ'] = machineZone
})

const HOUR = 3_600_000
const at = (iso: string): number => Date.parse(iso)

function schedule(
  timezone: string,
  rotation: Partial<Rotation> & Pick<Rotation, 'type'>,
): Schedule {
  return {
    id: 'sc1',
    name: 'Payments rota',
    timezone,
    enabled: true,
    rotations: [
      {
        id: 'r1',
        name: 'Main',
        length: 1,
        startDate: '2026-01-05T08:00:00Z',
        participants: [
          { type: 'user', name: 'ada' },
          { type: 'user', name: 'grace' },
        ],
        ...rotation,
      },
    ],
  }
}
const first = (s: Schedule): Rotation => s.rotations[0] as Rotation
const starts = (s: Schedule, from: number, count: number): string[] =>
  rotationShifts(s, first(s), from, count).map((shift) => new Date(shift.start).toISOString())

describe('on-call shifts across daylight saving', () => {
  it('runs in a machine zone unlike the schedules', () => {
    expect(new Date(at('2026-07-01T00:00:00Z')).getHours()).toBe(9)
  })

  it('keeps a 09:00 Europe/Berlin weekly handover at 09:00 in July (07:00Z, not 08:00Z)', () => {
    const berlin = schedule('Europe/Berlin', { type: 'weekly' }) // Mon 5 Jan 2026 09:00 CET
    const [row] = nowAndNext(berlin, at('2026-07-08T12:00:00Z'))
    expect(row?.now?.start).toBe(at('2026-07-06T07:00:00Z'))
    expect(row?.next?.start).toBe(at('2026-07-13T07:00:00Z'))
    expect(row?.now?.zone).toBe('Europe/Berlin')
  })

  it('Europe/Berlin spring forward: the daily shift over the change lasts 23 hours', () => {
    const berlin = schedule('Europe/Berlin', { type: 'daily', startDate: '2026-03-27T08:00:00Z' })
    expect(starts(berlin, at('2026-03-27T08:00:00Z'), 4)).toEqual([
      '2026-03-27T08:00:00.000Z',
      '2026-03-28T08:00:00.000Z',
      '2026-03-29T07:00:00.000Z',
      '2026-03-30T07:00:00.000Z',
    ])
    const [, overChange] = rotationShifts(berlin, first(berlin), at('2026-03-27T08:00:00Z'), 2)
    expect(overChange && overChange.end - overChange.start).toBe(23 * HOUR)
  })

  it('Europe/Berlin fall back: the daily shift over the change lasts 25 hours', () => {
    const berlin = schedule('Europe/Berlin', { type: 'daily', startDate: '2026-10-23T07:00:00Z' })
    expect(starts(berlin, at('2026-10-24T07:00:00Z'), 3)).toEqual([
      '2026-10-24T07:00:00.000Z',
      '2026-10-25T08:00:00.000Z',
      '2026-10-26T08:00:00.000Z',
    ])
    const [overChange] = rotationShifts(berlin, first(berlin), at('2026-10-24T07:00:00Z'), 1)
    expect(overChange && overChange.end - overChange.start).toBe(25 * HOUR)
  })

  it('America/New_York, both changes: 08:00 local is 13:00Z in winter and 12:00Z in summer', () => {
    const ny = schedule('America/New_York', { type: 'daily', startDate: '2026-03-06T13:00:00Z' })
    expect(starts(ny, at('2026-03-07T13:00:00Z'), 3)).toEqual([
      '2026-03-07T13:00:00.000Z',
      '2026-03-08T12:00:00.000Z',
      '2026-03-09T12:00:00.000Z',
    ])
    expect(starts(ny, at('2026-10-31T12:00:00Z'), 3)).toEqual([
      '2026-10-31T12:00:00.000Z',
      '2026-11-01T13:00:00.000Z',
      '2026-11-02T13:00:00.000Z',
    ])
  })

  it('moves a handover that falls in the skipped hour to just after it, then back to 02:30', () => {
    const ny = schedule('America/New_York', { type: 'daily', startDate: '2026-03-07T07:30:00Z' })
    expect(starts(ny, at('2026-03-07T07:30:00Z'), 3)).toEqual([
      '2026-03-07T07:30:00.000Z', // 02:30 EST
      '2026-03-08T07:30:00.000Z', // 02:30 does not exist: 03:30 EDT
      '2026-03-09T06:30:00.000Z', // 02:30 EDT
    ])
  })

  it('keeps hourly rotations in elapsed hours across the change', () => {
    const berlin = schedule('Europe/Berlin', {
      type: 'hourly',
      length: 4,
      startDate: '2026-03-28T22:00:00Z',
    })
    const shifts = rotationShifts(berlin, first(berlin), at('2026-03-28T22:00:00Z'), 3)
    expect(shifts.map((s) => s.end - s.start)).toEqual([4 * HOUR, 4 * HOUR, 4 * HOUR])
  })

  it('finds the right shift and person many changes after the rotation started', () => {
    const berlin = schedule('Europe/Berlin', { type: 'weekly' })
    const [now] = rotationShifts(berlin, first(berlin), at('2027-07-05T06:59:00Z'), 1)
    // A minute before Mon 5 Jul 2027's handover; Mon 28 Jun 09:00 CEST is week 77 since Mon 5 Jan 2026: grace's (odd) week.
    expect(now).toMatchObject({ who: 'grace', start: at('2027-06-28T07:00:00Z') })
    expect(now?.end).toBe(at('2027-07-05T07:00:00Z'))
  })

  it("lists the user's own shifts at 09:00 Berlin on both sides of the change", () => {
    const berlin = schedule('Europe/Berlin', { type: 'weekly', startDate: '2026-03-16T08:00:00Z' })
    const mine = myShifts([berlin], 'ada', at('2026-03-16T08:00:00Z'), 27 * 24 * HOUR)
    expect(mine.map((s) => new Date(s.start).toISOString())).toEqual([
      '2026-03-16T08:00:00.000Z',
      '2026-03-30T07:00:00.000Z',
    ])
  })

  it('gives the same instants whatever the machine zone', () => {
    const berlin = schedule('Europe/Berlin', { type: 'daily', startDate: '2026-03-27T08:00:00Z' })
    const inTokyo = starts(berlin, at('2026-03-27T08:00:00Z'), 5)
    process.env['TZ'] = 'America/Los_Angeles'
    try {
      expect(new Date(at('2026-07-01T00:00:00Z')).getHours()).toBe(17)
      expect(starts(berlin, at('2026-03-27T08:00:00Z'), 5)).toEqual(inTokyo)
    } finally {
      process.env['TZ'] = 'Asia/Tokyo'
    }
  })
})

describe('a schedule whose time zone cannot be used', () => {
  const mars = schedule('Mars/Olympus_Mons', { type: 'daily' })

  it('says which schedule and which zone, rather than guessing one', () => {
    expect(scheduleZoneProblem(mars)).toBe(
      'Schedule "Payments rota" has an unknown time zone "Mars/Olympus_Mons"',
    )
    expect(scheduleZoneProblem(schedule('Europe/Berlin', { type: 'daily' }))).toBeUndefined()
    expect(() => rotationShifts(mars, first(mars), at('2026-03-27T08:00:00Z'), 1)).toThrow(
      'Schedule "Payments rota" has an unknown time zone "Mars/Olympus_Mons"',
    )
  })

  it("leaves it out of the user's own shifts instead of failing them all", () => {
    const berlin = schedule('Europe/Berlin', { type: 'daily' })
    expect(myShifts([mars, berlin], 'ada', at('2026-01-05T08:00:00Z'), 24 * HOUR)).toHaveLength(1)
  })
})
