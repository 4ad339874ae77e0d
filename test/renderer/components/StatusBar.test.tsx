// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { StatusBar } from '../../../src/renderer/src/components/StatusBar'

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
    expect(screen.getByTestId('status-queued').textContent).toBe('Waiting to be sent: 3')
  })

  it('says it is connecting before any health arrives', () => {
    render(<StatusBar workspaceName="Acme" queued={0} />)
    expect(screen.getByRole('status').textContent).toContain('Connecting')
    expect(screen.getByTestId('status-last-event').textContent).toBe('Last event: no events yet')
  })
})
