// @vitest-environment jsdom
import 'fake-indexeddb/auto'
import { cleanup, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Incident } from '../../../src/shared/domain'
import { ok } from '../../../src/shared/ipc/envelope'
import { toIncidentRow } from '../../../src/renderer/src/db/derive'
import { useNavigationStore } from '../../../src/renderer/src/app/navigation-store'
import { IncidentsView } from '../../../src/renderer/src/incidents/IncidentsView'
import { viewRig } from './view-support'

beforeEach(() => useNavigationStore.getState().reset())
afterEach(cleanup)

const opsgenie = (
  id: string,
  tinyId: string,
  message: string,
  priority: 'P1' | 'P3',
): Incident => ({
  id,
  tinyId,
  message,
  status: 'open',
  priority,
  tags: [],
  responders: [],
  impactedServices: [],
  createdAt: '2026-11-27T01:00:00Z',
  updatedAt: '2026-11-27T01:00:00Z',
})

const CHECKOUT = opsgenie('og-1', '41', 'Checkout down', 'P1')
const SEARCH = opsgenie('og-2', '42', 'Search slow', 'P3')

async function rigWithIncidents() {
  const rig = await viewRig({
    incidents: { get: async () => ok(CHECKOUT), list: async () => ok({ items: [] }) },
  })
  await rig.cache.incidents.bulkPut([toIncidentRow(CHECKOUT), toIncidentRow(SEARCH)])
  return rig
}

const rowsOf = async (): Promise<HTMLElement[]> =>
  within(await screen.findByRole('list', { name: 'Incident list' })).findAllByRole('button')

describe('the one Incidents list', () => {
  it("shows Opsgenie's and local incidents together, a linked pair as one row", async () => {
    const rig = await rigWithIncidents()
    const room = await rig.coordination.declare({
      title: 'Checkout war room',
      severity: 'Critical',
    })
    await rig.coordination.linkOpsgenieIncident(room.id, 'og-1')
    await rig.coordination.declare({ title: 'Local drill', severity: 'Low' })
    rig.render(<IncidentsView />)

    await screen.findByText('Local drill')
    const rows = await rowsOf()
    expect(rows).toHaveLength(3)
    expect(rows[0]?.textContent).toContain('Checkout down')
    expect(rows[0]?.textContent).toContain('Coordinated here')
    expect(rows.some((r) => r.textContent?.includes('Checkout war room'))).toBe(false)
    const drill = rows.find((r) => r.textContent?.includes('Local drill'))
    expect(drill?.textContent).toContain('On this computer only')
    expect(screen.getByText(/live on this computer only/)).toBeTruthy()
  })

  it('refreshes live: an incident declared elsewhere appears without a reload', async () => {
    const rig = await rigWithIncidents()
    rig.render(<IncidentsView />)
    expect(await rowsOf()).toHaveLength(2)
    await rig.coordination.declare({ title: 'Declared from the palette', severity: 'High' })
    expect(await screen.findByText('Declared from the palette')).toBeTruthy()
  })

  it("queues Opsgenie's actions through the outbox: resolve, note, priority, responder", async () => {
    const rig = await rigWithIncidents()
    const user = userEvent.setup()
    rig.render(<IncidentsView />)
    const search = (await rowsOf()).find((r) => r.textContent?.includes('Search slow'))
    await user.click(search as HTMLElement)
    const actions = await screen.findByRole('region', { name: 'Incident actions' })

    await user.type(within(actions).getByRole('textbox', { name: 'Note' }), 'DB failover started')
    await user.click(within(actions).getByRole('button', { name: 'Add note' }))
    await within(actions).findByText('Add note: queued')
    await user.selectOptions(within(actions).getByRole('combobox', { name: 'Priority' }), 'P1')
    await user.click(within(actions).getByRole('button', { name: 'Change priority' }))
    await within(actions).findByText('Change priority: queued')
    await user.selectOptions(
      within(actions).getByRole('combobox', { name: 'Responder' }),
      'Security (team)',
    )
    await user.click(within(actions).getByRole('button', { name: 'Add responder' }))
    await within(actions).findByText('Add responders: queued')
    await user.click(within(actions).getByRole('button', { name: 'Resolve' }))
    await within(actions).findByText('Resolve: queued')

    const queued = (await rig.commands()).map((c) => [c.kind, c.input])
    expect(queued).toEqual([
      [
        'incidents:addNote',
        expect.objectContaining({
          incidentId: 'og-2',
          note: expect.stringContaining('DB failover started'),
        }),
      ],
      ['incidents:setPriority', expect.objectContaining({ incidentId: 'og-2', priority: 'P1' })],
      [
        'incidents:addResponders',
        expect.objectContaining({
          incidentId: 'og-2',
          responders: [{ type: 'team', id: 't-sec' }],
        }),
      ],
      ['incidents:resolve', expect.objectContaining({ incidentId: 'og-2' })],
    ])
    // The pending resolve is applied on top of the cache at once.
    await waitFor(async () => {
      const row = (await rowsOf()).find((r) => r.textContent?.includes('Search slow'))
      expect(row?.textContent).toContain('resolved')
    })
  })
})
