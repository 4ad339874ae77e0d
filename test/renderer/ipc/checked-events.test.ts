import { describe, expect, it, vi } from 'vitest'
import { buildOndeckApi } from '../../../src/shared/ipc/api'
import { withCheckedEvents } from '../../../src/renderer/src/ipc/checked-events'

describe('events from main are checked against the contract', () => {
  it('passes a valid intake event and refuses a malformed one with the reason', () => {
    let emit: (payload: unknown) => void = () => undefined
    const api = buildOndeckApi({
      invoke: () => Promise.reject(new Error('unused')),
      subscribe: (channel, listener) => {
        if (channel === 'intake:event') emit = listener
        return () => undefined
      },
    })
    const refused = vi.fn()
    const listener = vi.fn()
    withCheckedEvents(api, refused).intake.onEvent(listener)
    const ok = {
      workspaceId: 'w',
      cursor: 'relay:1',
      source: 'relay',
      receivedAt: 1,
      payload: { kind: 'gap', reason: 'relay reset: unknown_cursor' },
    }
    emit(ok)
    emit({ ...ok, payload: '{"raw":"webhook text"}' })
    expect(listener).toHaveBeenCalledExactlyOnceWith(ok)
    expect(refused).toHaveBeenCalledWith('intake:event', expect.stringContaining('payload'))
  })
})
