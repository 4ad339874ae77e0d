import { describe, expect, it } from 'vitest'
import type { Schedule } from '../../../src/shared/domain'
import { myShifts, nowAndNext, rotationShifts } from '../../../src/renderer/src/on-call/shifts'

const start = Date.parse('2026-11-02T09:00:00Z')
const schedule: Schedule = {
  id: 'sc1',
  name: 'Payments rota',
  timezone: 'UTC',
  enabled: true,
  rotations: [
    {
      id: 'r1',
      name: 'Weekly',
      type: 'weekly',
      length: 1,
      startDate: '2026-11-02T09:00:00Z',
      participants: [
        { type: 'user', name: 'ada' },
        { type: 'user', name: 'grace' },
        { type: 'user', name: 'linus' },
      ],
    },
  ],
}
const WEEK = 7 * 86_400_000
const rotation = schedule.rotations[0] as Schedule['rotations'][number]

describe('on-call shifts', () => {
  it('answers who is on call now and next from the rotation', () => {
    const at = start + WEEK + 3600_000
    expect(nowAndNext(schedule, at)).toEqual([
      {
        now: expect.objectContaining({ who: 'grace', start: start + WEEK, end: start + 2 * WEEK }),
        next: expect.objectContaining({ who: 'linus', start: start + 2 * WEEK }),
      },
    ])
  })

  it('wraps round the participants and handles a rotation that has not started', () => {
    expect(rotationShifts(schedule, rotation, start + 3 * WEEK, 1)[0]?.who).toBe('ada')
    expect(nowAndNext(schedule, start - 1000)).toEqual([
      { next: expect.objectContaining({ who: 'ada', start }) },
    ])
  })

  it("lists the user's own shifts within the horizon", () => {
    const mine = myShifts([schedule], 'ada', start, 7 * WEEK)
    expect(mine.map((s) => (s.start - start) / WEEK)).toEqual([0, 3, 6])
    expect(myShifts([schedule], 'nobody', start, 7 * WEEK)).toEqual([])
  })
})
