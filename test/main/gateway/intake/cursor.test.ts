import { describe, expect, it } from 'vitest'
import { formatCursor, parseCursor } from '../../../../src/main/gateway/intake/cursor'

describe('intake cursor', () => {
  it('round-trips relay and poll cursors', () => {
    expect(parseCursor(formatCursor({ kind: 'relay', lastEventId: '42' }))).toEqual({
      kind: 'relay',
      lastEventId: '42',
    })
    const poll = { kind: 'poll', alerts: 1_700_000_000_123, incidents: 1_700_000_000_456 } as const
    expect(formatCursor(poll)).toBe('poll:1700000000123:1700000000456')
    expect(parseCursor(formatCursor(poll))).toEqual(poll)
  })

  it('treats a missing or empty cursor as none', () => {
    expect(parseCursor(undefined)).toBeUndefined()
    expect(parseCursor('')).toBeUndefined()
  })

  it('refuses anything else with an error naming both formats', () => {
    for (const bad of ['42', 'relay:', 'relay:-1', 'poll:1', 'poll:a:b', 'relay:1 ']) {
      expect(() => parseCursor(bad)).toThrow(/relay:<event id> nor poll:<alerts ms>:<incidents ms>/)
    }
  })
})
