// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { OfflineBanner } from '../../../src/renderer/src/components/OfflineBanner'
import { StatusBar } from '../../../src/renderer/src/components/StatusBar'
import { effectiveHealth } from '../../../src/renderer/src/app/status-store'

afterEach(cleanup)

describe('StatusBar', () => {
  it('shows workspace, health, time since the last event and the queue', () => {
    render(
      <StatusBar
        workspaceName="Acme"
        health={{ workspaceId: 'acme', state: 'degraded', detail: 'relay unreachable, polling' }}
        lastEventAt={10_000}
        queued={3}
        now={() => 40_000}
      />,
    )
    expect(screen.getByTestId('status-workspace').textContent).toContain('Acme')
    const health = screen.getByRole('status')
    expect(health.textContent).toContain('Degraded')
    expect(health.textContent).toContain('relay unreachable, polling')
    expect(health.dataset.health).toBe('degraded')
    expect(screen.getByTestId('status-last-event').textContent).toBe('Last event: 30 s ago')
    expect(screen.getByTestId('status-queued').textContent).toBe('Sending 3 actions…')
  })

  it('says what the outbox does, never a countdown: waiting while offline, sending, all sent', () => {
    const offline = { workspaceId: 'acme', state: 'offline' as const }
    const { rerender } = render(<StatusBar workspaceName="Acme" health={offline} queued={2} />)
    const queued = (): string | null => screen.getByTestId('status-queued').textContent
    expect(queued()).toBe('Offline: 2 actions waiting')
    rerender(<StatusBar workspaceName="Acme" health={{ ...offline, state: 'live' }} queued={1} />)
    expect(queued()).toBe('Sending 1 action…')
    rerender(<StatusBar workspaceName="Acme" health={{ ...offline, state: 'live' }} queued={0} />)
    expect(queued()).toBe('All sent')
  })

  it('says it is connecting before any health arrives', () => {
    render(<StatusBar workspaceName="Acme" queued={0} />)
    expect(screen.getByRole('status').textContent).toContain('Connecting')
    expect(screen.getByTestId('status-last-event').textContent).toBe('Last event: no events yet')
  })
})

describe('effectiveHealth', () => {
  const live = { workspaceId: 'acme', state: 'live' as const }
  it('is not "Live" once the browser or the outbox knows the network is gone', () => {
    expect(effectiveHealth(live, { online: true, unreachable: 0 })).toBe(live)
    expect(effectiveHealth(live, { online: false, unreachable: 0 })).toMatchObject({
      state: 'offline',
      detail: 'this computer has no network',
    })
    expect(effectiveHealth(live, { online: true, unreachable: 2 })).toMatchObject({
      state: 'offline',
      detail: 'Opsgenie unreachable; actions wait',
    })
    expect(effectiveHealth(undefined, { online: false, unreachable: 0 })).toBeUndefined()
  })
})

describe('OfflineBanner', () => {
  it('says what waits, that it goes in order, and how old the data is', () => {
    const asOf = new Date(2026, 0, 1, 10, 42).getTime()
    render(<OfflineBanner queued={2} asOf={asOf} />)
    expect(screen.getByRole('alert').textContent).toBe(
      `Offline: 2 actions queued, sent in order when the connection returns; data as of ${new Date(asOf).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}.`,
    )
  })
})

describe('StatusBar failures', () => {
  it('shows "1 action failed" and opens the Outbox from it', () => {
    const opened: string[] = []
    render(
      <StatusBar
        workspaceName="Acme"
        queued={0}
        failed={1}
        onOpenOutbox={() => opened.push('x')}
      />,
    )
    const failed = screen.getByRole('button', { name: '1 action failed' })
    failed.click()
    expect(opened).toEqual(['x'])
  })
})
