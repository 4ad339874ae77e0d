// @vitest-environment jsdom
import 'fake-indexeddb/auto'
import { cleanup, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import { DiagnosticsReport } from '../../../src/shared/ipc/diagnostics'
import { DiagnosticsView } from '../../../src/renderer/src/diagnostics/DiagnosticsView'
import { harness } from '../app/support/render'
import { ok } from '../app/support/fake-api'

afterEach(cleanup)

describe('Export diagnostics', () => {
  it('sends settings, outbox and intake state to main and shows where the archive went', async () => {
    const t = await harness(
      {
        'diagnostics:export': () => ok({ saved: true, path: '/data/ondeck-diagnostics-x.tar.gz' }),
      },
      { startEngine: false },
    )
    await t.services.settings.workspaces.add({
      id: t.workspaceId,
      config: { id: t.workspaceId, name: 'Acme', host: 'eu', demo: false },
      username: 'ana@acme.example',
      addedAt: 5,
    })
    await t.services.outbox.commands.add({
      id: 'cmd-1',
      workspaceId: t.workspaceId,
      lane: 'alert:a1',
      kind: 'alerts:addNote',
      input: { alertId: 'a1', note: 'rebooted db-2', user: 'ana' },
      createdAt: 10,
      state: 'failed',
      nextAt: 0,
      attempts: 3,
      maybeSent: false,
      failure: { kind: 'invalid', message: 'note too long' },
      updatedAt: 20,
    })
    await t.db.cursors.put({ source: 'relay', cursor: 'relay:42', updatedAt: 30 }, 'relay')
    await t.db.diagnostics.add({ receivedAt: 1, source: 'relay', reason: 'bad', raw: '{' })

    t.render(<DiagnosticsView />)
    await userEvent.click(screen.getByRole('button', { name: 'Export diagnostics' }))
    await screen.findByText('Saved to /data/ondeck-diagnostics-x.tar.gz')

    const [input] = t.fake.callsTo('diagnostics:export') as [{ report: unknown }]
    const report = DiagnosticsReport.parse(input.report) // what main's router will check
    expect(report.settings.workspaces).toEqual([
      expect.objectContaining({ name: 'Acme', username: 'ana@acme.example' }),
    ])
    expect(report.outbox.counts).toEqual({ failed: 1 })
    expect(report.outbox.commands).toEqual([
      expect.objectContaining({
        kind: 'alerts:addNote',
        state: 'failed',
        failure: 'invalid: note too long',
        note: 'rebooted db-2',
      }),
    ])
    expect(JSON.stringify(report.outbox.commands)).not.toContain('"user"')
    expect(report.intake).toMatchObject({
      cursors: [{ source: 'relay', cursor: 'relay:42' }],
      undecodedEvents: 1,
    })
  })

  it('says so when the save dialog was cancelled or main refused', async () => {
    let answer: 'cancel' | 'fail' = 'cancel'
    const t = await harness(
      {
        'diagnostics:export': () =>
          answer === 'cancel'
            ? ok({ saved: false })
            : { ok: false, error: { code: 'failed', message: 'disk full' } },
      },
      { startEngine: false },
    )
    t.render(<DiagnosticsView />)
    const button = screen.getByRole('button', { name: 'Export diagnostics' })
    await userEvent.click(button)
    await screen.findByText('Not saved.')
    answer = 'fail'
    await userEvent.click(button)
    await screen.findByText('Could not export diagnostics: disk full')
  })
})
