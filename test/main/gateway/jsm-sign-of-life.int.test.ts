import { afterEach, describe, expect, it } from 'vitest'
import { createGateway, type Gateway } from '../../../src/main/gateway/compose'
import { createMemorySecretStore } from '../../../src/main/gateway/secrets'
import type { RunningJsmSimulator } from '../../../src/simulator/jsm/index'
import { startNetworkCut, type NetworkCut } from '../../support/network-cut'
import { pollUntil } from '../../support/poll-until'
import { startTestRelay, type TestRelay } from '../../renderer/outbox/support'
import { EMAIL, TOKEN, startJsm } from './provider/jsm/support'

const APP = { url: 'app://ondeck' }

/**
 * Issue 12's "any answer is a sign of life", for a JSM workspace: its relay stream, cut and
 * waiting a minute before its next try, comes back as soon as JSM answers a request.
 */
describe('a JSM workspace’s relay stream', () => {
  let sim: RunningJsmSimulator | undefined
  let relay: TestRelay | undefined
  let net: NetworkCut | undefined
  let gateway: Gateway | undefined
  afterEach(async () => {
    gateway?.dispose()
    await sim?.close()
    await net?.close()
    await relay?.relay.close()
  })

  it('reconnects when JSM answers, not at the end of its backoff', async () => {
    relay = await startTestRelay()
    sim = await startJsm({ webhook: relay.webhook })
    net = await startNetworkCut(relay.device.url)
    const secrets = createMemorySecretStore()
    gateway = createGateway({
      secrets,
      demoSecrets: createMemorySecretStore(),
      checkKeychain: async () => ({ available: true }),
      isTrustedSender: (s) => s.url === APP.url,
      intakeTuning: { backoff: { initialMs: 60_000, maxMs: 60_000 } },
    })
    const live = gateway
    const call = (channel: string, input: unknown) => live.router.dispatch(channel, input, APP)
    await secrets.set({ workspaceId: 'acme', kind: 'api-key' }, TOKEN, sim.url)
    await secrets.set({ workspaceId: 'acme', kind: 'relay-token' }, relay.device.token, net.url)
    const connected = await call('workspace:connect', {
      workspace: {
        id: 'acme',
        name: 'Acme',
        host: sim.url,
        relayUrl: net.url,
        provider: 'jsm',
        jsm: { email: EMAIL, incidentProject: 'OPS', apiUrl: sim.url },
      },
    })
    expect(connected.ok).toBe(true)
    const health = async (): Promise<unknown> => {
      const answer = await call('intake:health', { workspaceId: 'acme' })
      return answer.ok ? (answer.value as { state: string }).state : undefined
    }
    expect((await call('intake:start', { workspaceId: 'acme' })).ok).toBe(true)
    await pollUntil('live', async () => (await health()) === 'live', 5_000)
    await net.cut()
    await pollUntil('the stream noticed', async () => (await health()) !== 'live', 5_000)
    await net.restore()
    expect((await call('alerts:list', { workspaceId: 'acme' })).ok).toBe(true)
    await pollUntil('live again', async () => (await health()) === 'live', 10_000)
  })
})
