// @vitest-environment jsdom
import 'fake-indexeddb/auto'
import { cleanup, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { toIncidentRow } from '../../../src/renderer/src/db/derive'
import { useAlertViewStore } from '../../../src/renderer/src/alerts/alert-view-store'
import { useNavigationStore } from '../../../src/renderer/src/app/navigation-store'
import { IncidentsView } from '../../../src/renderer/src/incidents/IncidentsView'
import { activityRow, alertRow } from '../app/support/fixtures'
import { viewRig } from './view-support'

beforeEach(() => {
  useNavigationStore.getState().reset()
  useAlertViewStore.getState().reset()
})
afterEach(cleanup)

const incident = (id: string, tinyId: string, message: string, priority: 'P1' | 'P2') =>
  toIncidentRow({
    id,
    tinyId,
    message,
    status: 'open',
    priority,
    tags: [],
    // Opsgenie answers incident responders by id: the detail shows the directory's name
    responders: [{ type: 'team', id: 'd351de3b-1f0c-4a3e-9c55-2b0d8f0e6a11' }],
    impactedServices: ['s1'],
    createdAt: '2026-11-27T01:00:00Z',
    updatedAt: '2026-11-27T01:00:00Z',
  })

describe('IncidentsView', () => {
  it('lists incidents most urgent first and opens one with timeline and linked alerts', async () => {
    const rig = await viewRig()
    const t = { db: rig.cache, render: rig.render }
    await t.db.incidents.bulkPut([
      incident('i2', '2', 'Card payments failing', 'P2'),
      incident('i1', '1', 'Checkout degraded in EU', 'P1'),
    ])
    await t.db.services.put({ id: 's1', name: 'Checkout API', tags: [] })
    await t.db.teams.put({ id: 'd351de3b-1f0c-4a3e-9c55-2b0d8f0e6a11', name: 'Payments' })
    await t.db.alerts.bulkPut([
      alertRow(1, { priority: 'P1', message: 'Checkout p95 latency', tags: ['incident:1'] }),
      alertRow(2, { message: 'Unrelated' }),
    ])
    await t.db.activity.put(
      activityRow('i1', 1, {
        subject: { kind: 'incident', id: 'i1' },
        subjectKind: 'incident',
        subjectId: 'i1',
        kind: 'created',
        action: 'Create',
        actor: 'ada',
      }),
    )
    const user = userEvent.setup()
    t.render(<IncidentsView />)
    const list = await screen.findByRole('list', { name: 'Incident list' })
    const buttons = await within(list).findAllByRole('button')
    expect(buttons.map((b) => b.dataset.incidentId)).toEqual(['i1', 'i2'])

    await user.click(buttons[0] as HTMLElement)
    const detail = await screen.findByRole('article')
    expect(within(detail).getByText('Checkout API')).toBeTruthy()
    await within(detail).findByText('Payments')
    expect(within(detail).queryByText(/d351de3b/)).toBeNull()
    await within(detail).findByText('ada')
    const linked = await within(detail).findByRole('button', { name: 'P1 Checkout p95 latency' })
    expect(within(detail).queryByText(/Unrelated/)).toBeNull()

    await user.click(linked)
    expect(useNavigationStore.getState().view).toBe('alerts')
    expect(useAlertViewStore.getState().selectedId).toBe('alert-1')
  })
})
