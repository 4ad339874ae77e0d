// @vitest-environment jsdom
import 'fake-indexeddb/auto'
import { cleanup, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { randomUUID } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import { OutboxPanel } from '../../../src/renderer/src/outbox/OutboxPanel'
import { newCommand } from '../../../src/renderer/src/outbox/enqueue'
import { OutboxDb } from '../../../src/renderer/src/outbox/outbox-db'
import { movedMessage } from '../../../src/renderer/src/outbox/provider-guard'

afterEach(cleanup)

describe('OutboxPanel after the move to Jira Service Management', () => {
  it('says why a command queued for Opsgenie waits, and sends one or all only when asked; cancel stays', async () => {
    const db = await new OutboxDb(`panel-moved-${randomUUID()}`).openOrExplain()
    const wait = {
      reason: 'confirm' as const,
      message: movedMessage('opsgenie', 'jsm'),
      moved: true,
    }
    const held = ['a', 'b'].map((alertId) => ({
      ...newCommand({ kind: 'alerts:acknowledge', input: { alertId } }, 'w', Date.now()),
      state: 'waiting' as const,
      wait,
    }))
    await db.commands.bulkAdd(held)
    const calls: string[] = []
    const engine = {
      retry: async (id: string) => void calls.push(`retry ${id}`),
      cancel: async (id: string) => void calls.push(`cancel ${id}`),
      confirm: async (id: string) => void calls.push(`confirm ${id}`),
      resume: async () => void calls.push('resume'),
    }
    render(<OutboxPanel db={db} workspaceId="w" engine={engine} />)
    await waitFor(() => expect(screen.getAllByTestId('outbox-command')).toHaveLength(2))
    const [first] = screen.getAllByTestId('outbox-command') as HTMLElement[]
    expect(within(first as HTMLElement).getByTestId('outbox-state').textContent).toBe(
      'Waiting for you: queued for Opsgenie before the move to Jira Service Management: send to JSM?',
    )
    expect(calls).toEqual([])
    await userEvent.click(within(first as HTMLElement).getByRole('button', { name: 'Cancel' }))
    await userEvent.click(within(first as HTMLElement).getByRole('button', { name: 'Send to JSM' }))
    await userEvent.click(screen.getByRole('button', { name: 'Send all 2 to JSM' }))
    expect(calls).toEqual([
      `cancel ${held[0]?.id}`,
      `confirm ${held[0]?.id}`,
      `confirm ${held[0]?.id}`,
      `confirm ${held[1]?.id}`,
    ])
  })
})
