// @vitest-environment jsdom
import 'fake-indexeddb/auto'
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { IncidentsView } from '../../../src/renderer/src/incidents/IncidentsView'
import { viewRig, type ViewRig } from './view-support'

afterEach(cleanup)

async function declareThroughForm(rig: ViewRig, title: string): Promise<void> {
  fireEvent.click(screen.getByRole('button', { name: 'Declare incident' }))
  const form = await screen.findByRole('form', { name: 'Declare incident' })
  expect(document.activeElement).toBe(within(form).getByLabelText('Title'))
  fireEvent.change(within(form).getByLabelText('Title'), { target: { value: title } })
  fireEvent.change(within(form).getByLabelText('Severity'), { target: { value: 'Critical' } })
  // the services and teams to choose come from live queries: wait for them to be there
  fireEvent.click(await within(form).findByLabelText('Checkout API'))
  fireEvent.change(within(form).getByLabelText('Incident type'), { target: { value: 'Breach' } })
  fireEvent.change(within(form).getByLabelText('Tags (comma separated)'), {
    target: { value: 'security, db, security' },
  })
  fireEvent.click(await within(form).findByLabelText('Infrastructure'))
  fireEvent.click(within(form).getByRole('button', { name: 'Declare' }))
  await screen.findByRole('heading', { level: 2, name: title })
  expect(rig).toBeDefined()
}

describe('local incidents', () => {
  it('declares through the form: the incident, its Opsgenie incident and its timeline', async () => {
    const rig = await viewRig()
    rig.render(<IncidentsView />)
    await declareThroughForm(rig, 'Token leak')
    const [incident] = await rig.coordination.incidents()
    expect(incident).toMatchObject({
      title: 'Token leak',
      severity: 'Critical',
      serviceIds: ['svc-checkout'],
      incidentType: 'Breach',
      tags: ['security', 'db'],
      responders: [{ type: 'team', name: 'Infrastructure' }],
    })
    const create = (await rig.commands()).find((c) => c.kind === 'incidents:create')
    expect(create?.input).toMatchObject({ priority: 'P1' })
    const timeline = screen.getByRole('list', { name: 'Incident timeline' })
    await within(timeline).findByText(/Declared Critical incident "Token leak"/)
    // joined to the outbox: the create is queued, not sent (the engine never runs here)
    const opened = await within(timeline).findByText(/Opened the Opsgenie incident at P1/)
    expect(opened.closest('li')?.querySelector('[data-outcome]')?.textContent).toContain('queued')
    // each panel reads its own live query: wait for it rather than read it once
    await waitFor(() =>
      expect(screen.getByTestId('linked-opsgenie-incident').textContent).toContain('being created'),
    )
    const list = screen.getByRole('list', { name: 'Incident list' })
    await within(list).findByText('Token leak')
  })

  it("shows the engine's error when the title is blank", async () => {
    const rig = await viewRig()
    rig.render(<IncidentsView />)
    fireEvent.click(screen.getByRole('button', { name: 'Declare incident' }))
    const form = await screen.findByRole('form', { name: 'Declare incident' })
    fireEvent.change(within(form).getByLabelText('Title'), { target: { value: '   ' } })
    fireEvent.submit(form)
    expect((await within(form).findByRole('alert')).textContent).toContain('title is required')
    expect(await rig.coordination.incidents()).toEqual([])
  })

  it('moves through the lifecycle and edits severity and description', async () => {
    const rig = await viewRig()
    const i = await rig.coordination.declare({
      title: 'Slow checkout',
      severity: 'High',
      createOpsgenieIncident: true,
    })
    rig.render(<IncidentsView />)
    await screen.findByRole('heading', { level: 2, name: 'Slow checkout' })
    const status = screen.getByRole('toolbar', { name: 'Incident status' })
    fireEvent.click(within(status).getByRole('button', { name: 'Mark mitigated' }))
    await waitFor(async () =>
      expect((await rig.coordination.incident(i.id)).status).toBe('mitigated'),
    )
    fireEvent.change(screen.getByLabelText('Severity'), { target: { value: 'Critical' } })
    fireEvent.click(screen.getByRole('button', { name: 'Change severity' }))
    await screen.findByText(/Severity changed from High to Critical/)
    fireEvent.change(screen.getByLabelText('Description'), { target: { value: 'Payments fail' } })
    fireEvent.click(screen.getByRole('button', { name: 'Save description' }))
    await waitFor(async () =>
      expect(await rig.coordination.incident(i.id)).toMatchObject({
        severity: 'Critical',
        description: 'Payments fail',
      }),
    )
    fireEvent.click(await within(status).findByRole('button', { name: 'Resolve' }))
    await within(status).findByRole('button', { name: 'Mark started' })
    // written after the resolve command is queued
    await screen.findByText(/Status changed from mitigated to resolved/)
    const kinds = (await rig.commands()).map((c) => c.kind)
    expect(kinds).toEqual(
      expect.arrayContaining([
        'incidents:create',
        'incidents:setPriority',
        'incidents:updateDescription',
        'incidents:resolve',
      ]),
    )
    const priority = (await rig.commands()).find((c) => c.kind === 'incidents:setPriority')
    expect(priority?.input).toMatchObject({ priority: 'P1' })
  })
})
