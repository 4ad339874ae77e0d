import { describe, expect, it } from 'vitest'
import { SlidingWindow } from '../../../../src/main/gateway/governor/sliding-window'

describe('SlidingWindow', () => {
  it('returns each token exactly one period after it was spent (queried forward in time)', () => {
    const window = new SlidingWindow(1000)
    window.record(0)
    window.record(300)
    window.record(700)
    expect(window.availableAt(800, 3)).toBe(800)
    expect(window.availableAt(800, 2)).toBe(1000)
    expect(window.availableAt(800, 1)).toBe(1300)
    expect(window.availableAt(800, 0)).toBe(1700)
    expect(window.count(999)).toBe(3)
    expect(window.count(1000)).toBe(2)
    expect(window.count(1700)).toBe(0)
  })

  it('stays small over a long life', () => {
    const window = new SlidingWindow(10)
    for (let t = 0; t < 100_000; t++) window.record(t)
    expect(window.count(100_000)).toBe(9) // 99_991 .. 99_999
    expect(window.availableAt(100_000, 9)).toBe(100_000)
    expect(window.availableAt(100_000, 0)).toBe(100_009)
    expect(window.availableAt(100_000, 8)).toBe(100_001)
  })
})
