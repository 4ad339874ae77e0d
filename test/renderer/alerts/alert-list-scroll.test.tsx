// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { ALERT_ROW_HEIGHT, AlertList } from '../../../src/renderer/src/alerts/AlertList'
import { lastSnoozeEnd, queryAlerts } from '../../../src/renderer/src/alerts/alert-query'
import { alertRow } from '../app/support/fixtures'

afterEach(cleanup)

const NOW = Date.parse('2026-12-06T12:00:00Z')

describe('scrolling the alert list (issue 12, item 4)', () => {
  it('a fling rewrites the same row elements instead of replacing them', () => {
    const rows = Array.from({ length: 10_000 }, (_, n) => alertRow(n))
    render(<AlertList rows={rows} onSelect={() => undefined} fallbackHeight={440} now={NOW} />)
    const before = screen.getAllByRole('option')
    expect(before[0]?.getAttribute('data-alert-id')).toBe('alert-0')
    const list = screen.getByRole('listbox')
    list.scrollTop = ALERT_ROW_HEIGHT * 5_000
    fireEvent.scroll(list)
    const after = screen.getAllByRole('option')
    expect(after.map((e) => e.getAttribute('data-alert-id'))).toContain('alert-5000')
    // Keyed by alert id, every one of them would be a new element now.
    expect(before.every((e) => after.includes(e))).toBe(true)
    expect(before.map((e) => e.getAttribute('data-alert-id'))).not.toContain('alert-0')
    // Each row is its own layout boundary.
    expect(after[0]?.style.contain).toBe('size layout style')
  })

  it('sorts as of the last snooze end exactly as it would as of now', () => {
    const at = (ms: number): string => new Date(ms).toISOString()
    const rows = [
      alertRow(1, { snoozed: true, snoozedUntil: at(NOW - 60_000) }),
      alertRow(2, { snoozed: true, snoozedUntil: at(NOW + 60_000) }),
      alertRow(3, { acknowledged: true }),
      alertRow(4),
    ]
    const clock = lastSnoozeEnd(rows, NOW)
    expect(clock).toBe(NOW - 60_000)
    const filters = { status: 'open', priorities: [], acknowledged: 'any', mine: false } as const
    const ids = (t: number): string[] =>
      queryAlerts(rows, filters, '', 'needs-action', {}, t).map((r) => r.id)
    expect(ids(clock)).toEqual(ids(NOW))
    expect(ids(clock)).toEqual(['alert-1', 'alert-4', 'alert-3', 'alert-2'])
    // Until a snooze ends the clock stands still, so the 30 s tick re-sorts nothing.
    expect(lastSnoozeEnd(rows, NOW + 30_000)).toBe(clock)
  })
})
