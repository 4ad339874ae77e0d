import { describe, expect, it } from 'vitest'
import { toEpochNanos } from '../../src/shared/domain/activity'

describe('toEpochNanos', () => {
  it('widens milliseconds to nanoseconds', () => {
    expect(toEpochNanos(1502709956288)).toBe('1502709956288000000')
    expect(toEpochNanos('1502709956288')).toBe('1502709956288000000')
  })

  it('keeps nanosecond text exactly, beyond 2^53', () => {
    expect(toEpochNanos('1502709956288000110')).toBe('1502709956288000110')
    expect(toEpochNanos(1502709956288000110n)).toBe('1502709956288000110')
  })

  it('refuses what is not a timestamp', () => {
    expect(() => toEpochNanos('12a')).toThrow(/not an epoch timestamp/)
    expect(() => toEpochNanos(-1)).toThrow(/not an epoch timestamp/)
  })
})
