import { describe, expect, it, vi } from 'vitest'
import { createIpcRouter } from '../../../src/main/gateway/ipc/router'
import { onWorkspaceConnected } from '../../../src/main/shell/connect-watch'

const CAPS = {
  keyKind: 'global',
  canWrite: true,
  incidents: { available: true },
  services: { available: true },
} as const

function watch(connect: () => Promise<typeof CAPS>) {
  const connected = vi.fn()
  const router = createIpcRouter(
    { 'workspace:connect': connect, 'app:info': async () => ({ version: '1', mode: 'desktop' }) },
    { isTrustedSender: () => true },
  )
  return { connected, router: onWorkspaceConnected(router, connected) }
}

const workspace = (demo: boolean) => ({
  workspace: { id: 'acme', name: 'Acme', host: 'eu', demo },
})

describe('onWorkspaceConnected', () => {
  it('fires after a real workspace connects, and passes the answer through', async () => {
    const { router, connected } = watch(async () => CAPS)
    expect(await router.dispatch('workspace:connect', workspace(false), { url: 'x' })).toEqual({
      ok: true,
      value: CAPS,
    })
    expect(connected).toHaveBeenCalledOnce()
  })

  it('does not fire for the Demo workspace, a failed connect or another channel', async () => {
    const { router, connected } = watch(async () => {
      throw new Error('bad key')
    })
    await router.dispatch('workspace:connect', workspace(false), { url: 'x' })
    await router.dispatch('app:info', {}, { url: 'x' })
    const demo = watch(async () => CAPS)
    await demo.router.dispatch('workspace:connect', workspace(true), { url: 'x' })
    expect(connected).not.toHaveBeenCalled()
    expect(demo.connected).not.toHaveBeenCalled()
  })
})
