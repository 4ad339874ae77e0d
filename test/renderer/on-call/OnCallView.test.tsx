// @vitest-environment jsdom
import 'fake-indexeddb/auto'
import { cleanup, screen, within } from '@testing-library/react'
import { Temporal } from 'temporal-polyfill'
import { afterEach, describe, expect, it } from 'vitest'
import { OnCallView } from '../../../src/renderer/src/on-call/OnCallView'
import { harness } from '../app/support/render'

afterEach(cleanup)

/** A Monday 09:00 in Berlin about half a year ago, so today is most likely in the other season. */
function berlinMondayNineHalfAYearAgo(): string {
  const then = Temporal.Now.zonedDateTimeISO('Europe/Berlin').subtract({ months: 6 })
  const monday = then.subtract({ days: then.dayOfWeek - 1 })
  return monday.with({ hour: 9, minute: 0, second: 0, millisecond: 0 }).toInstant().toString()
}

describe('OnCallView', () => {
  it("shows handovers at the schedule's wall-clock time, labelled with its zone", async () => {
    const t = await harness()
    await t.db.schedules.put({
      id: 'sc1',
      name: 'Berlin rota',
      timezone: 'Europe/Berlin',
      enabled: true,
      rotations: [
        {
          id: 'r1',
          name: 'Weekly',
          type: 'weekly',
          length: 1,
          startDate: berlinMondayNineHalfAYearAgo(),
          participants: [
            { type: 'user', name: 'grace' },
            { type: 'user', name: 'ada' },
          ],
        },
      ],
    })
    t.render(<OnCallView />, { username: 'ada' })
    const card = (await screen.findByRole('heading', { name: 'Berlin rota' })).closest(
      'li',
    ) as HTMLElement
    expect(within(card).getByText(/from/).textContent).toMatch(
      /^Next \(Weekly\): \w+ from Mon \d+ \w+ 09:00 Europe\/Berlin/,
    )
    const mine = within(screen.getByRole('list', { name: 'My shifts' })).getAllByRole('listitem')
    expect(mine.length).toBeGreaterThan(0)
    for (const item of mine) {
      expect(item.textContent).toMatch(
        /Mon \d+ \w+ 09:00 Europe\/Berlin.* – Mon \d+ \w+ 09:00 Europe\/Berlin/,
      )
    }
  })

  it('says when a schedule has a zone it cannot use, and still shows the others', async () => {
    const t = await harness()
    await t.db.schedules.put({
      id: 'sc2',
      name: 'Broken rota',
      timezone: 'Mars/Olympus_Mons',
      enabled: true,
      rotations: [
        {
          id: 'r1',
          name: 'Daily',
          type: 'daily',
          length: 1,
          startDate: '2026-01-05T08:00:00Z',
          participants: [{ type: 'user', name: 'ada' }],
        },
      ],
    })
    t.render(<OnCallView />, { username: 'ada' })
    const card = (await screen.findByRole('heading', { name: 'Broken rota' })).closest(
      'li',
    ) as HTMLElement
    expect(within(card).getByRole('alert').textContent).toBe(
      'Schedule "Broken rota" has an unknown time zone "Mars/Olympus_Mons"',
    )
    expect(screen.getByText('No shifts in the next two weeks.')).toBeTruthy()
  })
})
