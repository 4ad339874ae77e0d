// @vitest-environment jsdom
import 'fake-indexeddb/auto'
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { Incident } from '../../../src/shared/domain'
import { ok } from '../../../src/shared/ipc/envelope'
import { IncidentsView } from '../../../src/renderer/src/incidents/IncidentsView'
import { viewRig } from './view-support'

afterEach(cleanup)

const now = new Date().toISOString()
const payments: Incident = {
  id: 'og-7',
  tinyId: '7',
  message: 'Payments down',
  status: 'open',
  priority: 'P2',
  tags: [],
  responders: [],
  impactedServices: [],
  createdAt: now,
  updatedAt: now,
}

describe('role definitions', () => {
  it('renames a role (its holder keeps it) and adds one, from the keyboard', async () => {
    const rig = await viewRig()
    const i = await rig.coordination.declare({ title: 'DB failover', severity: 'High' })
    await rig.coordination.assignRole(i.id, 'scribe', 'alice@example.com')
    rig.render(<IncidentsView />)
    const roles = await screen.findByRole('region', { name: 'Roles' })
    const definitions = within(roles).getByRole('list', { name: 'Role definitions' })
    const scribe = await within(definitions).findByLabelText('Name of role Scribe')
    fireEvent.change(scribe, { target: { value: 'Note taker' } })
    fireEvent.submit(scribe)
    await within(roles).findByText('Note taker', { selector: 'dt' })
    expect(within(roles).getByText('Note taker', { selector: 'dt' }).nextSibling?.textContent).toBe(
      'alice@example.com',
    )

    const added = within(roles).getByLabelText('New role')
    fireEvent.change(added, { target: { value: 'Liaison' } })
    fireEvent.submit(added)
    await within(roles).findByRole('option', { name: 'Liaison' })
    expect((await rig.coordination.roles()).map((r) => r.name)).toEqual([
      'Commander',
      'Communications Lead',
      'Note taker',
      'Liaison',
    ])
    // an empty name is refused before it reaches the engine
    expect(
      (within(roles).getByRole('button', { name: 'Add role' }) as HTMLButtonElement).disabled,
    ).toBe(true)
  })
})

describe('linking an existing Opsgenie incident', () => {
  it('finds one by search and links it; the panel then shows it', async () => {
    const queries: string[] = []
    const rig = await viewRig({
      incidents: {
        get: async (input) => ok(input.incidentId === payments.id ? payments : null),
        list: async (input) => {
          queries.push(input.query)
          return ok({ items: [payments] })
        },
      },
    })
    const i = await rig.coordination.declare({ title: 'Payments', severity: 'High' })
    rig.render(<IncidentsView />)
    const panel = await screen.findByRole('region', { name: 'Linked Opsgenie incident' })
    const search = within(panel).getByLabelText('Search Opsgenie incidents')
    fireEvent.change(search, { target: { value: 'message:Payments*' } })
    fireEvent.submit(search)
    const found = await within(panel).findByRole('list', { name: 'Opsgenie incidents found' })
    expect(queries).toEqual(['message:Payments*'])
    fireEvent.click(within(found).getByRole('button', { name: 'Link #7 Payments down' }))
    await waitFor(() =>
      expect(within(panel).getByTestId('linked-opsgenie-incident').textContent).toBe('og-7 (open)'),
    )
    expect((await rig.coordination.incident(i.id)).opsgenieIncidentId).toBe('og-7')
    expect(within(panel).queryByLabelText('Opsgenie incident id')).toBeNull()
  })

  it('says why an id cannot be linked', async () => {
    const rig = await viewRig({
      incidents: { get: async () => ok(null), list: async () => ok({ items: [] }) },
    })
    await rig.coordination.declare({ title: 'Payments', severity: 'High' })
    rig.render(<IncidentsView />)
    const panel = await screen.findByRole('region', { name: 'Linked Opsgenie incident' })
    const id = within(panel).getByLabelText('Opsgenie incident id')
    fireEvent.change(id, { target: { value: 'og-404' } })
    fireEvent.submit(id)
    expect((await within(panel).findByRole('alert')).textContent).toContain(
      'Opsgenie has no incident og-404',
    )
  })
})
