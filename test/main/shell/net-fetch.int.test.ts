import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { electronMock, electronState } from '../../support/electron-mock'
import { createGateway, type Gateway } from '../../../src/main/gateway/compose'
import { createMemorySecretStore, type SecretStore } from '../../../src/main/gateway/secrets'
import type { RunningSimulator } from '../../../src/simulator/index'
import { startSim } from '../gateway/provider/opsgenie/support'

vi.mock('electron', () => electronMock)

const { desktopFetch } = await import('../../../src/main/shell/net-fetch')

const APP = { url: 'app://ondeck' }

/** A relay stand-in on loopback: answers `/events` with an open, silent event stream. */
async function startStreamServer(): Promise<{
  url: string
  paths: string[]
  close(): Promise<void>
}> {
  const paths: string[] = []
  const server: Server = createServer((req, res) => {
    paths.push(req.url ?? '')
    res.writeHead(200, { 'content-type': 'text/event-stream' })
    res.write(': hello\n\n')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    paths,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

describe('desktop requests go through Electron net.fetch', () => {
  let sim: RunningSimulator
  let relay: Awaited<ReturnType<typeof startStreamServer>>
  let gateway: Gateway
  let demoSecrets: SecretStore

  beforeEach(async () => {
    electronState.reset()
    sim = await startSim()
    relay = await startStreamServer()
    demoSecrets = createMemorySecretStore()
    gateway = createGateway({
      secrets: createMemorySecretStore(),
      demoSecrets,
      checkKeychain: async () => ({ available: true }),
      isTrustedSender: (sender) => sender.url === APP.url,
      fetch: desktopFetch,
    })
  })
  afterEach(async () => {
    await gateway.dispose()
    await relay.close()
    await sim.close()
  })

  it('the Opsgenie client and the relay stream both use it, without cookies', async () => {
    await demoSecrets.set({ workspaceId: 'acme', kind: 'api-key' }, 'k-global', sim.url)
    await demoSecrets.set(
      { workspaceId: 'acme', kind: 'relay-token' },
      'odr_test-token-1234',
      relay.url,
    )
    const workspace = { id: 'acme', name: 'Acme', host: sim.url, relayUrl: relay.url, demo: true }
    const connected = await gateway.router.dispatch('workspace:connect', { workspace }, APP)
    expect(connected.ok).toBe(true)
    const listed = await gateway.router.dispatch('alerts:list', { workspaceId: 'acme' }, APP)
    expect(listed.ok).toBe(true)
    await gateway.router.dispatch('intake:start', { workspaceId: 'acme' }, APP)
    for (let i = 0; i < 200 && relay.paths.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 10))
    }
    const urls = electronState.netFetches.map((call) => call.url)
    expect(urls.some((url) => url.startsWith(`${sim.url}/v2/alerts`))).toBe(true)
    expect(urls.some((url) => url.startsWith(`${relay.url}/events`))).toBe(true)
    expect(relay.paths.length).toBeGreaterThan(0)
    for (const call of electronState.netFetches) expect(call.init?.credentials).toBe('omit')
  })
})
