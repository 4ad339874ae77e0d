// @vitest-environment jsdom
import 'fake-indexeddb/auto'
import { cleanup, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { randomUUID } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import { OutboxPanel, type OutboxPanelProps } from '../../../src/renderer/src/outbox/OutboxPanel'
import type { TargetNames } from '../../../src/renderer/src/outbox/describe'
import { newCommand } from '../../../src/renderer/src/outbox/enqueue'
import { OutboxDb } from '../../../src/renderer/src/outbox/outbox-db'

afterEach(cleanup)

const engineSpy = (): { calls: string[]; engine: OutboxPanelProps['engine'] } => {
  const calls: string[] = []
  return {
    calls,
    engine: {
      retry: async (id: string) => void calls.push(`retry ${id}`),
      cancel: async (id: string) => void calls.push(`cancel ${id}`),
      confirm: async (id: string) => void calls.push(`confirm ${id}`),
      resume: async () => void calls.push('resume'),
    },
  }
}

const names: TargetNames = (target, id) =>
  target === 'alert' && id === 'disk' ? { number: '455', title: 'Disk full on db-1' } : undefined

describe('OutboxPanel', () => {
  it('shows each command with its alert, plain state and reason; asks for stale ones; lists what was not sent', async () => {
    const db = await new OutboxDb(`panel-${randomUUID()}`).openOrExplain()
    const at = Date.now() - 40 * 60_000
    const ack = newCommand({ kind: 'alerts:acknowledge', input: { alertId: 'disk' } }, 'w', at)
    const note = newCommand(
      { kind: 'alerts:addNote', input: { alertId: 'disk', note: 'on it' } },
      'w',
      at,
    )
    const old = newCommand({ kind: 'alerts:close', input: { alertId: 'cpu' } }, 'w', at)
    const offline = newCommand({ kind: 'alerts:close', input: { alertId: 'disk' } }, 'w', at)
    await db.commands.bulkAdd([
      { ...ack, state: 'waiting', wait: { reason: 'confirm' } },
      { ...note, state: 'failed', failure: { kind: 'not-found', message: 'Alert does not exist' } },
      { ...old, state: 'expired' },
      {
        ...offline,
        state: 'waiting',
        wait: { reason: 'offline', message: 'connect ECONNREFUSED' },
      },
    ])
    const { calls, engine } = engineSpy()
    render(<OutboxPanel db={db} workspaceId="w" engine={engine} names={names} />)
    await waitFor(() => expect(screen.getAllByTestId('outbox-command')).toHaveLength(4))
    const [first, second, third] = screen.getAllByTestId('outbox-command') as HTMLElement[]
    expect(first?.textContent).toContain('Acknowledge: #455 Disk full on db-1')
    expect(within(first as HTMLElement).getByTestId('outbox-state').textContent).toBe(
      'Waiting for you: you did this 40 minutes ago; send it now?',
    )
    expect(within(second as HTMLElement).getByTestId('outbox-state').textContent).toBe(
      'Failed: Alert does not exist',
    )
    expect(second?.textContent).toContain('Add note: #455 Disk full on db-1: "on it"')
    // a refusal for good: retrying would fail the same way
    expect(within(second as HTMLElement).queryByRole('button', { name: 'Retry' })).toBeNull()
    expect(within(third as HTMLElement).getByTestId('outbox-state').textContent).toBe(
      'Waiting for the network',
    )
    expect(third?.textContent).toContain('Last try: connect ECONNREFUSED')
    expect(screen.getByText('Not sent')).toBeTruthy()
    expect(document.body.textContent).not.toMatch(/cpu|disk\b/)
    await userEvent.click(screen.getByRole('button', { name: 'Send now' }))
    await userEvent.click(within(third as HTMLElement).getByRole('button', { name: 'Retry' }))
    await userEvent.click(within(first as HTMLElement).getByRole('button', { name: 'Cancel' }))
    expect(calls).toEqual([`confirm ${ack.id}`, `retry ${offline.id}`, `cancel ${ack.id}`])
    db.close()
  })

  it('hides what went through behind "Show sent", and a failure a later try fixed', async () => {
    const db = await new OutboxDb(`panel-${randomUUID()}`).openOrExplain()
    const at = Date.now() - 5 * 60_000
    const spec = {
      kind: 'alerts:escalate',
      input: { alertId: 'disk', escalation: { name: 'x' } },
    } as const
    const wrong = newCommand(spec, 'w', at)
    const right = newCommand(spec, 'w', at + 1000)
    await db.commands.bulkAdd([
      { ...wrong, state: 'failed', failure: { kind: 'invalid', message: 'No such escalation' } },
      { ...right, state: 'confirmed' },
    ])
    render(<OutboxPanel db={db} workspaceId="w" engine={engineSpy().engine} names={names} />)
    const showSent = await screen.findByRole('checkbox', { name: 'Show sent (2)' })
    expect(screen.getByText(/Nothing waiting to be sent/)).toBeTruthy()
    expect(screen.queryAllByTestId('outbox-command')).toHaveLength(0)
    await userEvent.click(showSent)
    const rows = screen.getAllByTestId('outbox-command')
    expect(rows.map((r) => within(r).getByTestId('outbox-state').textContent)).toEqual([
      'Failed: No such escalation',
      'Sent',
    ])
    expect(rows[1]?.textContent).not.toMatch(/confirmed/)
    db.close()
  })
})
