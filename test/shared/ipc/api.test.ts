import { describe, expect, it } from 'vitest'
import { buildOndeckApi, type IpcTransport } from '../../../src/shared/ipc/api'

describe('buildOndeckApi', () => {
  it('binds each method to its one channel and each subscription to its event', async () => {
    const calls: [string, unknown][] = []
    const listeners = new Map<string, (p: unknown) => void>()
    const transport: IpcTransport = {
      invoke: async (channel, input) => {
        calls.push([channel, input])
        return { ok: true, value: null }
      },
      subscribe: (channel, listener) => {
        listeners.set(channel, listener)
        return () => listeners.delete(channel)
      },
    }
    const api = buildOndeckApi(transport)
    await api.alerts.acknowledge({ workspaceId: 'w', alertId: 'a' })
    await api.incidents.resolve({ workspaceId: 'w', incidentId: 'i' })
    expect(calls).toEqual([
      ['alerts:acknowledge', { workspaceId: 'w', alertId: 'a' }],
      ['incidents:resolve', { workspaceId: 'w', incidentId: 'i' }],
    ])

    const seen: unknown[] = []
    const unsubscribe = api.notifications.onAction((p) => seen.push(p))
    listeners.get('notifications:action')?.({ notificationId: 'n', action: 'acknowledge' })
    expect(seen).toEqual([{ notificationId: 'n', action: 'acknowledge' }])
    unsubscribe()
    expect(listeners.has('notifications:action')).toBe(false)
  })

  it('is frozen, with no generic invoke', () => {
    const api = buildOndeckApi({
      invoke: async () => ({ ok: true, value: null }),
      subscribe: () => () => {},
    })
    expect(Object.isFrozen(api)).toBe(true)
    expect('invoke' in api).toBe(false)
  })
})
