// @vitest-environment jsdom
import 'fake-indexeddb/auto'
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { IncidentsView } from '../../../src/renderer/src/incidents/IncidentsView'
import { useCoordinationViewStore } from '../../../src/renderer/src/incidents/coordination-view-store'
import { viewRig } from './view-support'

afterEach(cleanup)

describe('local incident detail', () => {
  it("makes the schedule's on-call user Commander, and attaches an open alert", async () => {
    const rig = await viewRig()
    const i = await rig.coordination.declare({ title: 'DB failover', severity: 'High' })
    rig.render(<IncidentsView />)
    const roles = await screen.findByRole('region', { name: 'Roles' })
    await within(roles).findByRole('option', { name: 'Infrastructure' })
    await within(roles).findByRole('option', { name: 'Commander' })
    fireEvent.change(within(roles).getByLabelText('On-call of schedule'), {
      target: { value: 's-infra' },
    })
    fireEvent.click(within(roles).getByRole('button', { name: 'Assign on-call' }))
    await waitFor(() =>
      expect(
        within(roles).getByText('Commander', { selector: 'dt' }).nextSibling?.textContent,
      ).toBe('alice@example.com'),
    )
    expect((await rig.coordination.incident(i.id)).roles['commander']?.username).toBe(
      'alice@example.com',
    )
    // no one known on call for Security: a clear error, nothing assigned
    fireEvent.change(within(roles).getByLabelText('Role'), { target: { value: 'scribe' } })
    fireEvent.change(within(roles).getByLabelText('On-call of schedule'), {
      target: { value: 's-sec' },
    })
    // the first assignment shows in the table before its submit settles: click once the button
    // is enabled again (a click on a disabled button does nothing, as for a responder)
    const assignOnCall = within(roles).getByRole('button', { name: 'Assign on-call' })
    await waitFor(() => expect((assignOnCall as HTMLButtonElement).disabled).toBe(false))
    fireEvent.click(assignOnCall)
    expect((await within(roles).findByRole('alert')).textContent).toContain(
      'nobody is known to be on call for Security',
    )

    const alerts = screen.getByRole('region', { name: 'Linked alerts' })
    // the picker finds alerts by number and shows "#7 P2 title", never an id
    fireEvent.change(within(alerts).getByRole('searchbox', { name: /number or words/ }), {
      target: { value: '#7' },
    })
    fireEvent.click(
      await within(alerts).findByRole('checkbox', { name: /#7 P2 Disk full on db-7/ }),
    )
    fireEvent.click(within(alerts).getByRole('button', { name: 'Attach alert' }))
    const linked = within(alerts).getByRole('list', { name: 'Linked alerts' })
    await within(linked).findByText(/Disk full on db-7/)
    expect(await rig.coordination.linkedAlerts(i.id)).toMatchObject([
      { alertId: 'a-disk', alias: 'disk-full' },
    ])
    await screen.findByText(/Attached alert Disk full on db-7/)
  })

  it('pages a schedule at the mapped priority, and does not re-page it', async () => {
    const rig = await viewRig()
    await rig.coordination.declare({ title: 'Breach', severity: 'Critical' })
    rig.render(<IncidentsView />)
    fireEvent.click(await screen.findByRole('button', { name: 'Page…' }))
    const dialog = screen.getByRole('dialog', { name: 'Page responders' })
    expect(document.activeElement).toBe(within(dialog).getByLabelText('Target type'))
    expect((within(dialog).getByLabelText('Priority') as HTMLSelectElement).value).toBe('P1')
    fireEvent.change(within(dialog).getByLabelText('Target type'), {
      target: { value: 'schedule' },
    })
    await within(dialog).findByRole('option', { name: 'Security' })
    fireEvent.change(within(dialog).getByLabelText('Name'), { target: { value: 'Security' } })
    fireEvent.click(within(dialog).getByRole('button', { name: 'Page' }))
    expect((await within(dialog).findByRole('status')).textContent).toBe(
      'Paged schedule Security at P1.',
    )
    const pages = (await rig.commands()).filter((c) => c.kind === 'alerts:create')
    expect(pages).toHaveLength(1)
    expect(pages[0]?.input).toMatchObject({
      priority: 'P1',
      responders: [{ type: 'schedule', name: 'Security' }],
    })
    fireEvent.click(within(dialog).getByRole('button', { name: 'Page' }))
    await waitFor(() =>
      expect(within(dialog).getByRole('status').textContent).toContain(
        'Not paged again (already responding): schedule Security.',
      ),
    )
    expect((await rig.commands()).filter((c) => c.kind === 'alerts:create')).toHaveLength(1)
    fireEvent.keyDown(dialog, { key: 'Escape' })
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(useCoordinationViewStore.getState().paging).toBe(false)
  })
})
