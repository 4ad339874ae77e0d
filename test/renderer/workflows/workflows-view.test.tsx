// @vitest-environment jsdom
import 'fake-indexeddb/auto'
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { IncidentsView } from '../../../src/renderer/src/incidents/IncidentsView'
import { useCoordinationViewStore } from '../../../src/renderer/src/incidents/coordination-view-store'
import { viewRig } from '../incidents/view-support'

afterEach(cleanup)

function openWorkflows(): void {
  fireEvent.click(screen.getByRole('tab', { name: 'Workflows' }))
}

describe('workflows screen', () => {
  it('builds a workflow, dry-runs it, saves it and toggles it', async () => {
    const rig = await viewRig()
    await rig.coordination.declare({ title: 'Leak', severity: 'Critical', tags: ['security'] })
    rig.render(<IncidentsView />)
    openWorkflows()
    fireEvent.click(screen.getByRole('button', { name: 'New workflow' }))
    const editor = await screen.findByRole('form', { name: 'Workflow editor' })
    fireEvent.change(within(editor).getByLabelText('Workflow name'), {
      target: { value: 'Critical pages Infrastructure' },
    })
    fireEvent.click(within(editor).getByRole('button', { name: 'Add condition' }))
    const condition = within(editor).getByRole('group', { name: 'Condition 1' })
    fireEvent.change(within(condition).getByLabelText('is one of'), {
      target: { value: 'Critical' },
    })
    const action = within(editor).getByRole('group', { name: 'Action 1' })
    fireEvent.change(within(action).getByLabelText('Target name'), {
      target: { value: 'Infrastructure' },
    })
    await within(editor).findByRole('option', { name: 'Leak (Critical)' })
    fireEvent.click(within(editor).getByRole('button', { name: 'Dry run' }))
    const dry = await within(editor).findByRole('list', { name: 'Dry run result' })
    expect(dry.textContent).toBe('pages schedule Infrastructure at P1')
    expect(await rig.commands()).toHaveLength(0)
    fireEvent.click(within(editor).getByRole('button', { name: 'Save workflow' }))
    const list = screen.getByRole('list', { name: 'Workflow list' })
    await within(list).findByRole('button', { name: 'Critical pages Infrastructure' })
    const saved = (await rig.coordination.workflows()).find((w) => w.name.startsWith('Critical'))
    expect(saved).toMatchObject({
      enabled: true,
      trigger: 'incident-declared',
      match: 'all',
      conditions: [{ field: 'severity', in: ['Critical'] }],
      actions: [{ type: 'page', target: 'schedule', ref: { name: 'Infrastructure' } }],
    })
    fireEvent.click(within(list).getByLabelText('Enable Critical pages Infrastructure'))
    await waitFor(async () =>
      expect((await rig.coordination.workflows()).find((w) => w.id === saved?.id)?.enabled).toBe(
        false,
      ),
    )
  })

  it('names the field when a workflow does not validate', async () => {
    const rig = await viewRig()
    rig.render(<IncidentsView />)
    openWorkflows()
    fireEvent.click(screen.getByRole('button', { name: 'New workflow' }))
    const editor = await screen.findByRole('form', { name: 'Workflow editor' })
    fireEvent.change(within(editor).getByLabelText('Workflow name'), {
      target: { value: 'No target' },
    })
    fireEvent.click(within(editor).getByRole('button', { name: 'Save workflow' }))
    expect((await within(editor).findByRole('alert')).textContent).toContain(
      'actions[0].ref: needs an id or a name',
    )
    expect((await rig.coordination.workflows()).map((w) => w.name)).not.toContain('No target')
  })

  it('exports JSON and imports it, refusing a bad document with a clear error', async () => {
    const rig = await viewRig()
    const exported = await rig.coordination.exportWorkflows()
    rig.render(<IncidentsView />)
    openWorkflows()
    fireEvent.click(screen.getByRole('button', { name: 'Export workflows' }))
    const out = (await screen.findByLabelText('Exported JSON')) as HTMLTextAreaElement
    expect(JSON.parse(out.value)).toMatchObject({ format: 'ondeck-workflows', version: 1 })
    expect(screen.getByRole('link', { name: /Download/ }).getAttribute('download')).toBe(
      'ondeck-workflows.json',
    )

    const input = screen.getByLabelText('Workflows JSON to import')
    fireEvent.change(input, { target: { value: '{"format":"other","version":1,"workflows":[]}' } })
    fireEvent.click(screen.getByRole('button', { name: 'Import workflows' }))
    expect((await screen.findByRole('alert')).textContent).toContain(
      'is not an Ondeck workflow export',
    )
    const doc = JSON.parse(exported) as { workflows: { id: string; name: string }[] }
    const renamed = doc.workflows.map((w) => ({
      ...w,
      id: `${w.id}-copy`,
      name: `${w.name} (copy)`,
    }))
    fireEvent.change(input, { target: { value: JSON.stringify({ ...doc, workflows: renamed }) } })
    fireEvent.click(screen.getByRole('button', { name: 'Import workflows' }))
    expect((await screen.findByRole('status')).textContent).toBe('Imported 2 workflows.')
    expect(screen.queryByRole('alert')).toBeNull()
    expect(await rig.coordination.workflows()).toHaveLength(4)
    expect(useCoordinationViewStore.getState().tab).toBe('workflows')
  })
})
