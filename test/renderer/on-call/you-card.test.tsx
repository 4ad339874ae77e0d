// @vitest-environment jsdom
import 'fake-indexeddb/auto'
import { cleanup, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { Temporal } from 'temporal-polyfill'
import { afterEach, describe, expect, it } from 'vitest'
import { OnCallView } from '../../../src/renderer/src/on-call/OnCallView'
import { harness, type TestHarness } from '../app/support/render'

afterEach(cleanup)

/** The zone the view shows days in: the schedule uses it too, so its days are the view's days. */
const ZONE = Temporal.Now.timeZoneId()
/** Midnight today: a daily rotation from here puts ada on today, grace tomorrow, ada after. */
const midnight = (): string =>
  Temporal.Now.plainDateISO(ZONE).toZonedDateTime(ZONE).toInstant().toString()
const WHEN = /(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} \w{3} \d\d:\d\d \S+ \(in \d/

async function seed(t: TestHarness): Promise<void> {
  await t.db.schedules.put({
    id: 'sc1',
    name: 'Infra',
    timezone: ZONE,
    enabled: true,
    rotations: [
      {
        id: 'r1',
        name: 'Primary',
        type: 'daily',
        length: 1,
        startDate: midnight(),
        participants: [
          { type: 'user', name: 'ada' },
          { type: 'user', name: 'grace' },
        ],
      },
    ],
  })
  await t.db.users.bulkPut([
    { id: 'u-ada', username: 'ada', fullName: 'Ada Lovelace' },
    { id: 'u-grace', username: 'grace', fullName: 'Grace Hopper' },
  ])
  await t.db.escalations.put({
    id: 'e1',
    name: 'Infra escalation',
    rules: [
      {
        condition: 'if-not-acked',
        notifyType: 'default',
        delayMinutes: 0,
        recipient: { type: 'schedule', id: 'sc1' },
      },
      {
        condition: 'if-not-acked',
        notifyType: 'default',
        delayMinutes: 10,
        recipient: { type: 'user', id: 'u-grace' },
      },
    ],
  })
}

describe('On call: the You card', () => {
  it('says first whether I am on call, until when and my next shift, with weekday, relative time and zone', async () => {
    const t = await harness()
    await seed(t)
    t.render(<OnCallView />, { username: 'ada' })
    const you = await screen.findByRole('region', { name: 'You (ada)' })
    await within(you).findByText('You are on call now')
    expect(you.textContent).toContain('Infra (Primary)')
    expect(within(you).getByText(/^Until/).textContent).toMatch(WHEN)
    expect(within(you).getByText(/^Next shift/).textContent).toMatch(WHEN)
    // the card comes before the schedules
    const page = screen.getByRole('region', { name: 'On call' })
    expect(page.querySelector('section')).toBe(you)
  })

  it('groups the coming week by day and shows the escalation chain with names', async () => {
    const t = await harness()
    await seed(t)
    t.render(<OnCallView />, { username: 'ada' })
    const today = await screen.findByRole('list', { name: /^Today, / })
    expect(within(today).getByText('ada (you)')).toBeTruthy()
    const tomorrow = screen.getByRole('list', { name: /^Tomorrow, / })
    expect(within(tomorrow).getByText('grace')).toBeTruthy()
    const chain = await screen.findByRole('list', { name: 'Escalation Infra escalation' })
    expect(chain.textContent).toContain('At once, if not acknowledged: Infra on call')
    expect(chain.textContent).toContain('After 10 min, if not acknowledged: Grace Hopper')
  })

  it('works before a username is typed: pick yourself from the directory', async () => {
    const t = await harness()
    await seed(t)
    const user = userEvent.setup()
    t.render(<OnCallView />)
    const you = await screen.findByRole('region', { name: 'You' })
    await within(you).findByRole('option', { name: 'Grace Hopper (grace)' })
    await user.selectOptions(within(you).getByRole('combobox', { name: 'Who are you?' }), 'grace')
    await user.click(within(you).getByRole('button', { name: 'This is me' }))
    const card = await screen.findByRole('region', { name: 'You (grace)' })
    expect(within(card).getByText('You are not on call now')).toBeTruthy()
    expect(within(card).getByText(/^Next shift/).textContent).toMatch(WHEN)
  })
})
