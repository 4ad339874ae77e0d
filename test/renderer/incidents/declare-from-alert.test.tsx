// @vitest-environment jsdom
import 'fake-indexeddb/auto'
import { cleanup, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { toAlertRow } from '../../../src/renderer/src/db/derive'
import { useNavigationStore } from '../../../src/renderer/src/app/navigation-store'
import { buildPaletteCommands } from '../../../src/renderer/src/app/palette-commands'
import { useCoordinationViewStore } from '../../../src/renderer/src/incidents/coordination-view-store'
import { IncidentsView } from '../../../src/renderer/src/incidents/IncidentsView'
import { draftFromAlert } from '../../../src/renderer/src/incidents/declare-form'
import { viewRig } from './view-support'

beforeEach(() => useNavigationStore.getState().reset())
afterEach(cleanup)

const now = new Date().toISOString()
const P1 = toAlertRow({
  id: 'a-pay',
  tinyId: '312',
  alias: 'pay-5xx',
  message: 'Payments API 5xx above 20%',
  status: 'open',
  acknowledged: false,
  snoozed: false,
  priority: 'P1',
  tags: ['checkout api'],
  teams: ['t-sec'],
  responders: [],
  count: 1,
  createdAt: now,
  updatedAt: now,
})

describe('Declare from an alert', () => {
  it('maps priority to severity: a P1 alert is a Critical incident, P5 Informational', () => {
    const services = [{ id: 'svc-checkout', name: 'Checkout API' }]
    const draft = draftFromAlert(P1, services, [{ id: 't-sec', name: 'Security' }])
    expect(draft).toMatchObject({
      title: 'Payments API 5xx above 20%',
      severity: 'Critical',
      serviceIds: ['svc-checkout'],
      teams: ['Security'],
      alertIds: ['a-pay'],
    })
    expect(draftFromAlert({ ...P1, priority: 'P5' }, [], []).severity).toBe('Informational')
  })

  it('prefills the form from the alert and attaches it to the declared incident', async () => {
    const rig = await viewRig()
    await rig.cache.alerts.put(P1)
    useCoordinationViewStore.getState().startDeclare('a-pay')
    const user = userEvent.setup()
    rig.render(<IncidentsView />)

    const form = await screen.findByRole('form', { name: 'Declare incident' })
    const title = within(form).getByRole('textbox', { name: 'Title' })
    await within(form).findByDisplayValue('Payments API 5xx above 20%')
    expect(
      (within(form).getByRole('combobox', { name: 'Severity' }) as HTMLSelectElement).value,
    ).toBe('Critical')
    expect(within(form).getByText(/From alert #312/)).toBeTruthy()
    const chosen = await within(form).findByRole('list', { name: 'Chosen alerts' })
    expect(within(chosen).getByRole('checkbox', { name: /#312 P1 Payments API/ })).toBeTruthy()
    expect(
      (within(form).getByRole('checkbox', { name: 'Checkout API' }) as HTMLInputElement).checked,
    ).toBe(true)
    expect(title).toBeTruthy()

    await user.click(within(form).getByRole('button', { name: 'Declare' }))
    await screen.findByRole('heading', { level: 2, name: 'Payments API 5xx above 20%' })
    const [incident] = await rig.coordination.incidents()
    expect(incident?.severity).toBe('Critical')
    expect(await rig.coordination.linkedAlerts(incident?.id ?? '')).toMatchObject([
      { alertId: 'a-pay' },
    ])
    const create = (await rig.commands()).find((c) => c.kind === 'incidents:create')
    expect(create?.input).toMatchObject({ priority: 'P1' })
  })

  it('is in the palette for the selected alert', () => {
    let went: string | undefined
    const noop = (): void => undefined
    const commands = buildPaletteCommands({
      readOnly: false,
      theme: 'dark',
      selected: {
        id: 'a-pay',
        tinyId: '312',
        message: 'Payments',
        status: 'open',
        acknowledged: false,
      },
      run: noop,
      openForm: noop,
      go: (v) => {
        went = v
      },
      focusSearch: noop,
      move: noop,
      setTheme: noop,
      openDemo: noop,
      coordination: { declare: noop, page: noop },
    })
    const command = commands.find((c) => c.id === 'coordination:declare-from-alert')
    expect(command?.label).toBe('Declare incident from #312 Payments')
    command?.run()
    expect(went).toBe('incidents')
    expect(useCoordinationViewStore.getState()).toMatchObject({
      declaring: true,
      declareFrom: 'a-pay',
    })
  })
})
