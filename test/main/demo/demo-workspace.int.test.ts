import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createGateway, type Gateway } from '../../../src/main/gateway/compose'
import { createMemorySecretStore } from '../../../src/main/gateway/secrets'
import { demoLauncher } from '../../../src/main/demo/demo-workspace'
import type { ConnectionHealth } from '../../../src/shared/ipc/schemas'
import { until } from '../gateway/intake/support'

/**
 * The Demo workspace runs on loopback http (simulator + relay) and its secrets are bound to those
 * URLs like a real workspace's: it connects and goes live, and its key goes nowhere else.
 */
const APP = { url: 'app://ondeck' }

describe('Demo workspace through the gateway', () => {
  const demoSecrets = createMemorySecretStore()
  const demo = demoLauncher({ secrets: demoSecrets, trickleMs: 0 })
  const health: ConnectionHealth[] = []
  let gateway: Gateway

  beforeAll(() => {
    gateway = createGateway({
      secrets: createMemorySecretStore(),
      demoSecrets,
      checkKeychain: async () => ({ available: true }),
      isTrustedSender: (s) => s.url === APP.url,
      openDemo: () => demo.open(),
    })
    gateway.setEventSink((name, payload) => {
      if (name === 'intake:health') health.push(payload as ConnectionHealth)
    })
  })

  afterAll(async () => {
    await gateway?.dispose()
    await demo.close()
  })

  it('opens, connects over loopback http and streams from its relay', async () => {
    const opened = await gateway.router.dispatch('workspace:openDemo', {}, APP)
    if (!opened.ok) throw new Error(opened.error.message)
    const workspace = opened.value as { host: string; relayUrl: string }
    expect(workspace.host).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(workspace.relayUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(await gateway.router.dispatch('workspace:connect', { workspace }, APP)).toMatchObject({
      ok: true,
      value: { keyKind: 'global' },
    })
    await gateway.router.dispatch('intake:start', { workspaceId: 'demo' }, APP)
    await until(() => health.some((h) => h.state === 'live'), 'the demo relay stream to go live')
  })

  it('will not send the demo key to another host', async () => {
    const other = { id: 'demo', name: 'Demo', host: 'http://127.0.0.1:9', demo: true }
    const answer = await gateway.router.dispatch('workspace:connect', { workspace: other }, APP)
    expect(answer).toMatchObject({ ok: false })
    expect(JSON.stringify(answer)).toMatch(/API key is stored for http:\/\/127\.0\.0\.1:\d+, not/)
  })
})
