// @vitest-environment jsdom
import 'fake-indexeddb/auto'
import { cleanup, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { DiagnosticsView } from '../../../src/renderer/src/diagnostics/DiagnosticsView'
import { harness } from '../app/support/render'

afterEach(cleanup)

describe('DiagnosticsView', () => {
  it('lists events ingest could not apply, newest first, and updates live', async () => {
    const t = await harness()
    await t.db.diagnostics.bulkAdd([
      {
        receivedAt: 1000,
        source: 'relay',
        reason: 'unknown action "Frobnicate"',
        raw: '{"action":"Frobnicate"}',
      },
      { receivedAt: 2000, source: 'relay', reason: 'malformed JSON', raw: '{nope' },
    ])
    t.render(<DiagnosticsView />)
    const table = await screen.findByRole('table')
    const reasons = () =>
      within(table)
        .getAllByRole('row')
        .slice(1)
        .map((r) => r.children[2]?.textContent)
    expect(reasons()).toEqual(['malformed JSON', 'unknown action "Frobnicate"'])
    await t.db.diagnostics.add({
      receivedAt: 3000,
      source: 'poll',
      reason: 'missing alertId',
      raw: '{}',
    })
    await within(table).findByText('missing alertId')
    expect(reasons()[0]).toBe('missing alertId')
  })
})
