import { describe, expect, it } from 'vitest'
import {
  createStormControl,
  STORM_WINDOW_MS,
  summaryTitle,
} from '../../../src/renderer/src/notifications/storm'

describe('storm control', () => {
  it('lets the threshold through one by one and summarises the next arrival with all of them', () => {
    const storm = createStormControl(5, 10_000)
    for (let i = 0; i < 5; i++)
      expect(storm.admit(i < 2 ? 'P1' : 'P3', i < 2, 1000 * i)).toEqual({ kind: 'single' })
    const sixth = storm.admit('P1', true, 5000)
    expect(sixth).toEqual({
      kind: 'summary',
      summary: { total: 6, byPriority: { P1: 3, P3: 3 }, urgent: true },
    })
    expect(storm.inStorm(5000)).toBe(true)
  })

  it('holds further arrivals and re-shows the summary at most every interval', () => {
    const storm = createStormControl(2, 10_000)
    storm.admit('P3', false, 0)
    storm.admit('P3', false, 1)
    expect(storm.admit('P3', false, 2).kind).toBe('summary')
    expect(storm.admit('P1', true, 3)).toEqual({ kind: 'held' })
    expect(storm.admit('P3', false, 4)).toEqual({ kind: 'held' })
    const flushed = storm.flush(10_002)
    expect(flushed).toEqual({ total: 5, byPriority: { P3: 4, P1: 1 }, urgent: true })
    expect(storm.flush(10_003)).toBeUndefined()
    expect(storm.admit('P3', false, 20_002).kind).toBe('summary')
  })

  it('recovers once the one-minute window holds no more than the threshold', () => {
    const storm = createStormControl(2, 10_000)
    for (let i = 0; i < 6; i++) storm.admit('P3', false, i)
    expect(storm.inStorm(STORM_WINDOW_MS - 1)).toBe(true)
    expect(storm.inStorm(STORM_WINDOW_MS + 5)).toBe(false)
    expect(storm.admit('P3', false, STORM_WINDOW_MS + 5)).toEqual({ kind: 'single' })
    // a later storm starts a fresh count
    storm.admit('P3', false, STORM_WINDOW_MS + 6)
    const next = storm.admit('P2', false, STORM_WINDOW_MS + 7)
    expect(next).toEqual({
      kind: 'summary',
      summary: { total: 3, byPriority: { P3: 2, P2: 1 }, urgent: false },
    })
  })

  it('titles the summary like "12 new alerts (3 P1)"', () => {
    expect(summaryTitle({ total: 12, byPriority: { P1: 3, P3: 9 }, urgent: true })).toBe(
      '12 new alerts (3 P1)',
    )
    expect(summaryTitle({ total: 7, byPriority: { P3: 7 }, urgent: false })).toBe('7 new alerts')
  })
})
