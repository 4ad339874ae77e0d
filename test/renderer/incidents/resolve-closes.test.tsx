// @vitest-environment jsdom
import 'fake-indexeddb/auto'
import { cleanup, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { useNavigationStore } from '../../../src/renderer/src/app/navigation-store'
import { IncidentsView } from '../../../src/renderer/src/incidents/IncidentsView'
import { viewRig } from './view-support'

beforeEach(() => useNavigationStore.getState().reset())
afterEach(cleanup)

describe('resolving a local incident', () => {
  it('closes the Page dialog and offers to close the linked alerts still open', async () => {
    const rig = await viewRig()
    const incident = await rig.coordination.declare({ title: 'Disk storm', severity: 'High' })
    await rig.coordination.attachAlert(incident.id, {
      alertId: 'a-disk',
      alias: 'disk-full',
      message: 'Disk full on db-7',
    })
    const user = userEvent.setup()
    rig.render(<IncidentsView />)
    await user.click(await screen.findByRole('button', { name: 'Page…' }))
    expect(screen.getByRole('dialog', { name: 'Page responders' })).toBeTruthy()

    const status = screen.getByRole('toolbar', { name: 'Incident status' })
    await user.click(within(status).getByRole('button', { name: 'Resolve' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    const offer = await within(status).findByText(/1 linked alert is still open/)
    await user.click(within(offer).getByRole('button', { name: 'Close it' }))
    await within(status).findByText('Closing 1 linked alert: queued.')
    const closes = (await rig.commands()).filter((c) => c.kind === 'alerts:close')
    expect(closes.map((c) => c.input)).toMatchObject([{ alertId: 'a-disk' }])
  })
})
