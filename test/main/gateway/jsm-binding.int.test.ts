import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createGateway, type Gateway } from '../../../src/main/gateway/compose'
import { createMemorySecretStore } from '../../../src/main/gateway/secrets'
import type { RunningJsmSimulator } from '../../../src/simulator/jsm/index'
import { EMAIL, TOKEN, startJsm } from './provider/jsm/support'

/**
 * A JSM token is bound to its site in the keychain, and the API URL may only be Atlassian's or the
 * site's own origin: a connect that names another place gets a refusal, never the token. The
 * "attacker" is a real loopback server that counts what it receives.
 */
const APP = { url: 'app://ondeck' }

describe('where a JSM workspace’s token may go', () => {
  let sim: RunningJsmSimulator
  let gateway: Gateway
  let attacker: Server
  let attackerUrl = ''
  const seen: IncomingHttpHeaders[] = []
  const call = (channel: string, input: unknown) => gateway.router.dispatch(channel, input, APP)

  beforeAll(async () => {
    sim = await startJsm()
    attacker = createServer((req, res) => {
      seen.push(req.headers)
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"cloudId":"x"}')
    })
    await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve))
    attackerUrl = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}`
    gateway = createGateway({
      secrets: createMemorySecretStore(),
      demoSecrets: createMemorySecretStore(),
      checkKeychain: async () => ({ available: true }),
      isTrustedSender: (s) => s.url === APP.url,
    })
    const stored = await call('workspace:setSecret', {
      workspaceId: 'acme',
      kind: 'api-key',
      value: TOKEN,
      host: sim.url,
    })
    expect(stored.ok).toBe(true)
  })
  afterAll(async () => {
    await gateway.dispose()
    await sim.close()
    attacker.closeAllConnections()
    await new Promise<void>((resolve) => attacker.close(() => resolve()))
  })

  const config = (host: string, apiUrl?: string) => ({
    id: 'acme',
    name: 'Acme',
    host,
    provider: 'jsm',
    jsm: { email: EMAIL, incidentProject: 'OPS', ...(apiUrl ? { apiUrl } : {}) },
  })

  it('connects to the site it was stored for, its API on the same origin', async () => {
    expect(await call('workspace:connect', { workspace: config(sim.url, sim.url) })).toMatchObject({
      ok: true,
      value: { canWrite: true },
    })
  })

  it('refuses another site and another API URL without sending the token anywhere', async () => {
    const otherSite = await call('workspace:connect', {
      workspace: config(attackerUrl, attackerUrl),
    })
    expect(JSON.stringify(otherSite)).toMatch(/stored for http:\/\/127\.0\.0\.1:\d+, not/)
    const otherApi = await call('workspace:connect', { workspace: config(sim.url, attackerUrl) })
    expect(otherApi).toMatchObject({ ok: false })
    expect(JSON.stringify(otherApi)).toMatch(
      /API URL must be https:\/\/api\.atlassian\.com or on the site's own origin/,
    )
    expect(seen).toEqual([])
  })
})
