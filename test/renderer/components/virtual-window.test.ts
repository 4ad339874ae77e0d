import { describe, expect, it } from 'vitest'
import { scrollToReveal, virtualWindow } from '../../../src/renderer/src/components/virtual-window'

describe('virtualWindow', () => {
  it('covers the viewport plus overscan, clamped to the list', () => {
    expect(virtualWindow(100_000, 40, 0, 400, 5)).toEqual({
      start: 0,
      end: 16,
      totalHeight: 4_000_000,
    })
    expect(virtualWindow(100_000, 40, 40_000, 400, 5)).toEqual({
      start: 995,
      end: 1016,
      totalHeight: 4_000_000,
    })
    expect(virtualWindow(20, 40, 10_000, 400, 5)).toMatchObject({ start: 15, end: 20 })
    expect(virtualWindow(0, 40, 0, 400, 5)).toMatchObject({ start: 0, end: 0 })
  })

  it('scrolls only as far as needed to reveal a row', () => {
    expect(scrollToReveal(5, 40, 0, 400)).toBe(0)
    expect(scrollToReveal(10, 40, 0, 400)).toBe(40)
    expect(scrollToReveal(2, 40, 400, 400)).toBe(80)
  })
})
