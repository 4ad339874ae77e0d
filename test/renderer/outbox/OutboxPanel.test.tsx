// @vitest-environment jsdom
import 'fake-indexeddb/auto'
import { cleanup, render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { randomUUID } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import { OutboxPanel } from '../../../src/renderer/src/outbox/OutboxPanel'
import { newCommand } from '../../../src/renderer/src/outbox/enqueue'
import { OutboxDb } from '../../../src/renderer/src/outbox/outbox-db'

afterEach(cleanup)

describe('OutboxPanel', () => {
  it('shows each command with its state, asks for stale ones, lists what was not sent', async () => {
    const db = await new OutboxDb(`panel-${randomUUID()}`).openOrExplain()
    const at = Date.now() - 40 * 60_000
    const ack = newCommand({ kind: 'alerts:acknowledge', input: { alertId: 'disk' } }, 'w', at)
    const note = newCommand(
      { kind: 'alerts:addNote', input: { alertId: 'disk', note: 'on it' } },
      'w',
      at,
    )
    const old = newCommand({ kind: 'alerts:close', input: { alertId: 'cpu' } }, 'w', at)
    await db.commands.bulkAdd([
      { ...ack, state: 'waiting', wait: { reason: 'confirm' } },
      { ...note, state: 'failed', failure: { kind: 'not-found', message: 'Alert does not exist' } },
      { ...old, state: 'expired' },
    ])
    const calls: string[] = []
    const engine = {
      retry: async (id: string) => void calls.push(`retry ${id}`),
      cancel: async (id: string) => void calls.push(`cancel ${id}`),
      confirm: async (id: string) => void calls.push(`confirm ${id}`),
      resume: async () => void calls.push('resume'),
    }
    render(<OutboxPanel db={db} workspaceId="w" engine={engine} />)
    await waitFor(() => expect(screen.getAllByTestId('outbox-command')).toHaveLength(3))
    expect(
      screen.getByText('waiting: you acknowledged this 40 minutes ago; send now?'),
    ).toBeTruthy()
    expect(screen.getByText('failed: Alert does not exist')).toBeTruthy()
    expect(screen.getByText('added a note to alert disk: "on it"')).toBeTruthy()
    expect(screen.getByText('Not sent')).toBeTruthy()
    await userEvent.click(screen.getByRole('button', { name: 'Send now' }))
    await userEvent.click(screen.getAllByRole('button', { name: 'Retry' })[0] as HTMLElement)
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }))
    expect(calls).toEqual([`confirm ${ack.id}`, `retry ${note.id}`, `cancel ${ack.id}`])
    db.close()
  })
})
