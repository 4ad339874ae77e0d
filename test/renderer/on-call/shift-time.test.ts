import { describe, expect, it } from 'vitest'
import { handoverText } from '../../../src/renderer/src/on-call/shift-time'

const at = (iso: string): number => Date.parse(iso)

describe('handover text', () => {
  it("shows the handover on the schedule's clock, labelled with the schedule's zone", () => {
    expect(handoverText(at('2026-07-06T07:00:00Z'), 'Europe/Berlin', 'Europe/Berlin')).toBe(
      'Mon 6 Jul 09:00 Europe/Berlin',
    )
    expect(handoverText(at('2026-01-05T08:00:00Z'), 'Europe/Berlin', 'Europe/Berlin')).toBe(
      'Mon 5 Jan 09:00 Europe/Berlin',
    )
  })

  it("adds the user's own clock, labelled as theirs, when it reads differently", () => {
    expect(handoverText(at('2026-07-06T07:00:00Z'), 'Europe/Berlin', 'America/New_York')).toBe(
      'Mon 6 Jul 09:00 Europe/Berlin (Mon 6 Jul 03:00 America/New_York, your time)',
    )
    expect(handoverText(at('2026-07-06T07:00:00Z'), 'Europe/Berlin', 'Europe/Paris')).toBe(
      'Mon 6 Jul 09:00 Europe/Berlin',
    )
  })
})
