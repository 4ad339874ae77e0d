// @vitest-environment jsdom
import 'fake-indexeddb/auto'
import { cleanup, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { OnCallView } from '../../../src/renderer/src/on-call/OnCallView'
import { ServicesView } from '../../../src/renderer/src/services/ServicesView'
import { harness } from '../app/support/render'

afterEach(cleanup)

describe('ServicesView and OnCallView', () => {
  it('shows imported services with their owning team', async () => {
    const t = await harness()
    await t.db.teams.put({ id: 't1', name: 'Payments' })
    await t.db.services.bulkPut([
      { id: 's1', name: 'Checkout API', teamId: 't1', tags: ['critical'] },
      { id: 's2', name: 'Auth Service', tags: [] },
    ])
    t.render(<ServicesView />)
    const row = (await screen.findByRole('rowheader', { name: 'Checkout API' })).closest(
      'tr',
    ) as HTMLElement
    await within(row).findByText('Payments')
    expect(screen.getAllByRole('row')).toHaveLength(3)
  })

  it("shows who is on call now and next, and the user's own shifts", async () => {
    const t = await harness()
    const start = new Date(Date.now() - 3_600_000).toISOString()
    await t.db.schedules.put({
      id: 'sc1',
      name: 'Payments rota',
      timezone: 'UTC',
      enabled: true,
      rotations: [
        {
          id: 'r1',
          name: 'Daily',
          type: 'daily',
          length: 1,
          startDate: start,
          participants: [
            { type: 'user', name: 'grace' },
            { type: 'user', name: 'ada' },
          ],
        },
      ],
    })
    await t.db.onCalls.put({
      scheduleId: 'sc1',
      scheduleName: 'Payments rota',
      at: start,
      usernames: ['grace'],
    })
    t.render(<OnCallView />, { username: 'ada' })
    const card = (await screen.findByRole('heading', { name: 'Payments rota' })).closest(
      'li',
    ) as HTMLElement
    expect(within(card).getByText('Now:').parentElement?.textContent).toBe('Now: grace')
    expect(within(card).getByText(/ada from/)).toBeTruthy()
    const mine = screen.getByRole('list', { name: 'My shifts' })
    expect(within(mine).getAllByRole('listitem').length).toBe(7)
  })
})
