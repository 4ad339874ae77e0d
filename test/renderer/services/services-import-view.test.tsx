// @vitest-environment jsdom
import 'fake-indexeddb/auto'
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { Service } from '../../../src/shared/domain'
import { IncidentsView } from '../../../src/renderer/src/incidents/IncidentsView'
import { servicesEndpoint, viewRig } from '../incidents/view-support'

afterEach(cleanup)

const SERVICES: Service[] = Array.from({ length: 7 }, (_, n) => ({
  id: `svc-${n}`,
  name: `Service ${n}`,
  tags: [],
}))

describe('services import screen', () => {
  it('shows progress, stops, resumes from the stored cursor without duplicates', async () => {
    const endpoint = servicesEndpoint(SERVICES, 3)
    const releaseSecondPage = endpoint.hold(1)
    const rig = await viewRig({ services: endpoint.call })
    rig.render(<IncidentsView />)
    fireEvent.click(screen.getByRole('tab', { name: 'Services import' }))
    fireEvent.click(screen.getByRole('button', { name: 'Import services' }))
    await waitFor(() =>
      expect(screen.getByTestId('import-progress').textContent).toMatch(/^3 of 6\+/),
    )
    const bar = screen.getByRole('progressbar', { name: /Services imported/ })
    expect(bar.getAttribute('value')).toBe('3')
    fireEvent.click(screen.getByRole('button', { name: 'Stop import' }))
    releaseSecondPage()
    // the page in flight is kept; the import stops before asking for the next one
    await screen.findByRole('button', { name: 'Resume import' })
    expect(screen.getByTestId('import-progress').textContent).toContain('interrupted')
    expect(endpoint.calls).toEqual(['0', '3'])

    fireEvent.click(screen.getByRole('button', { name: 'Resume import' }))
    await waitFor(() =>
      expect(screen.getByTestId('import-progress').textContent).toBe('7 of 7 · done'),
    )
    expect(endpoint.calls).toEqual(['0', '3', '6'])
    const list = screen.getByRole('list', { name: 'Imported services' })
    expect(within(list).getAllByRole('button')).toHaveLength(7)

    // a rerun starts from page one and still holds each service once
    fireEvent.click(screen.getByRole('button', { name: 'Import services' }))
    await waitFor(() => expect(endpoint.calls).toHaveLength(6))
    await waitFor(() =>
      expect(screen.getByTestId('import-progress').textContent).toBe('7 of 7 · done'),
    )
    expect(await rig.coordination.services()).toHaveLength(7)
  })

  it("shows a service's open local incidents and alerts tagged with its name", async () => {
    const rig = await viewRig({ services: servicesEndpoint(SERVICES, 10).call })
    await rig.coordination.importServices()
    await rig.coordination.declare({ title: 'Svc 2 down', severity: 'High', serviceIds: ['svc-2'] })
    const disk = await rig.cache.alerts.get('a-disk')
    if (disk === undefined) throw new Error('seeded alert missing')
    await rig.cache.alerts.put({ ...disk, tags: ['Service 2'] })
    rig.render(<IncidentsView />)
    fireEvent.click(screen.getByRole('tab', { name: 'Services import' }))
    fireEvent.click(await screen.findByRole('button', { name: 'Service 2' }))
    const panel = await screen.findByRole('article', { name: 'Service 2' })
    await within(panel).findByText('Svc 2 down')
    expect(
      within(within(panel).getByRole('list', { name: 'Open alerts' })).getByText(/Disk full/),
    ).toBeTruthy()
    fireEvent.click(within(panel).getByRole('button', { name: /Svc 2 down/ }))
    await screen.findByRole('heading', { level: 2, name: 'Svc 2 down' })
  })
})
