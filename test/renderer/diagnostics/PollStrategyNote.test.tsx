// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { useStatusStore } from '../../../src/renderer/src/app/status-store'
import { PollStrategyNote } from '../../../src/renderer/src/diagnostics/PollStrategyNote'

afterEach(() => {
  cleanup()
  useStatusStore.getState().reset()
})

describe('PollStrategyNote', () => {
  it('says which poll strategy runs, and nothing while none is reported', () => {
    const { container } = render(<PollStrategyNote />)
    expect(container.textContent).toBe('')
    cleanup()
    useStatusStore.getState().setHealth({
      workspaceId: 'w1',
      state: 'polling',
      pollStrategy: { alerts: 'updatedAt-sort', incidents: 'updatedAt-query' },
    })
    render(<PollStrategyNote />)
    const note = screen.getByLabelText('Poll strategy')
    expect(note.textContent).toContain('listed newest-updated first')
    expect(note.textContent).toContain('searched with updatedAt>=')
  })
})
