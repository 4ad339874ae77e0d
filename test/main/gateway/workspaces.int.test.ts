import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import keytar from 'keytar'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createGateway, type Gateway } from '../../../src/main/gateway/compose'
import {
  checkKeychain,
  createKeytarSecretStore,
  createMemorySecretStore,
} from '../../../src/main/gateway/secrets'
import { openTokenStore, startRelay, type RunningRelay } from '../../../src/relay/index'
import type { RunningSimulator } from '../../../src/simulator/index'
import { until } from './intake/support'
import { startSim } from './provider/opsgenie/support'

/**
 * Main owns where a workspace's key and relay token go: the host and relay URL are bound to the
 * secrets in the keychain when they are set, and no later IPC call can point them elsewhere. The
 * "attacker" is a real HTTP server on loopback that counts every request it receives.
 */
const service = `ondeck-test-${randomUUID().slice(0, 8)}`
const status = await checkKeychain({ service, probeTimeoutMs: 10_000 })
const inCi = ['1', 'true', 'yes'].includes((process.env['CI'] ?? '').toLowerCase())
const skip = !status.available && !inCi
const APP = { url: 'app://ondeck' }
const API_KEY = 'k-global'

interface Attacker {
  readonly url: string
  readonly seen: IncomingHttpHeaders[]
  close(): Promise<void>
}

async function startAttacker(): Promise<Attacker> {
  const seen: IncomingHttpHeaders[] = []
  const server: Server = createServer((req, res) => {
    seen.push(req.headers)
    res.writeHead(200, { 'content-type': 'application/json' })
    res.end('{"data":[],"took":0,"requestId":"x"}')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

describe.skipIf(skip)(
  `workspace hosts are bound to their secrets in the real keychain${skip ? ' (skipped: no unlocked Secret Service: run under dbus-run-session -- bash .ci/with-keyring)' : ''}`,
  () => {
    let sim: RunningSimulator
    let relay: RunningRelay
    let relayDir: string
    let deviceToken: string
    let attacker: Attacker
    let gateway: Gateway
    const health: unknown[] = []
    const call = (channel: string, input: unknown): Promise<unknown> =>
      gateway.router.dispatch(channel, input, APP)

    beforeAll(async () => {
      if (!status.available) throw new Error(`CI=true requires the real keychain: ${status.reason}`)
      sim = await startSim({ seed: 'empty', keys: [{ key: API_KEY, kind: 'global' }] })
      relayDir = mkdtempSync(join(tmpdir(), 'ondeck-trust-relay-'))
      relay = await startRelay({
        dataDir: relayDir,
        webhookSecret: 'trust-webhook-secret-0123456789',
      })
      const tokens = openTokenStore(relayDir)
      deviceToken = tokens.create('laptop')
      tokens.close()
      attacker = await startAttacker()
      gateway = createGateway({
        secrets: createKeytarSecretStore({ service }),
        demoSecrets: createMemorySecretStore(),
        checkKeychain: () => checkKeychain({ service }),
        isTrustedSender: (s) => s.url === APP.url,
      })
      gateway.setEventSink((name, payload) => {
        if (name === 'intake:health') health.push(payload)
      })
    })

    afterAll(async () => {
      await gateway?.dispose()
      await sim?.close()
      await relay?.close()
      await attacker?.close()
      if (relayDir !== undefined) rmSync(relayDir, { recursive: true, force: true })
      for (const { account } of await keytar.findCredentials(service)) {
        await keytar.deletePassword(service, account)
      }
    })

    it('connects a workspace to the host and relay its secrets were stored for', async () => {
      const setKey = { workspaceId: 'acme', kind: 'api-key', value: API_KEY, host: sim.url }
      expect(await call('workspace:setSecret', setKey)).toEqual({ ok: true, value: {} })
      const setToken = {
        workspaceId: 'acme',
        kind: 'relay-token',
        value: deviceToken,
        relayUrl: relay.url,
      }
      expect(await call('workspace:setSecret', setToken)).toEqual({ ok: true, value: {} })
      const workspace = { id: 'acme', name: 'Acme', host: sim.url, relayUrl: relay.url }
      expect(await call('workspace:connect', { workspace })).toMatchObject({
        ok: true,
        value: { keyKind: 'global' },
      })
      expect(await call('intake:start', { workspaceId: 'acme' })).toMatchObject({ ok: true })
      await until(
        () => health.some((h) => (h as { state: string }).state === 'live'),
        'the relay stream to go live',
      )
    })

    it('refuses to send a stored API key to a host named in the connect call, and that host sees nothing', async () => {
      const workspace = { id: 'acme', name: 'Acme', host: attacker.url }
      const answer = await call('workspace:connect', { workspace })
      expect(answer).toMatchObject({ ok: false })
      expect((answer as { error: { message: string } }).error.message).toMatch(
        /API key is stored for .*127\.0\.0\.1.*enter the API key again/,
      )
      expect(attacker.seen).toEqual([])
    })

    it('refuses to send a stored relay token to a relay URL named in the connect call', async () => {
      const workspace = { id: 'acme', name: 'Acme', host: sim.url, relayUrl: attacker.url }
      const answer = await call('workspace:connect', { workspace })
      expect(answer).toMatchObject({ ok: false })
      expect((answer as { error: { message: string } }).error.message).toMatch(
        /relay token is stored for .*enter the relay token again/,
      )
      await call('intake:start', { workspaceId: 'acme' })
      expect(attacker.seen).toEqual([])
    })

    it('refuses the Demo workspace key for another host too', async () => {
      const workspace = { id: 'demo', name: 'Demo', host: attacker.url, demo: true }
      expect(await call('workspace:connect', { workspace })).toMatchObject({ ok: false })
      expect(attacker.seen).toEqual([])
    })

    it('refuses a key stored without its host (by an older Ondeck) until it is entered again', async () => {
      await keytar.setPassword(service, 'legacy:api-key', API_KEY)
      const workspace = { id: 'legacy', name: 'Legacy', host: attacker.url }
      const answer = await call('workspace:connect', { workspace })
      expect((answer as { error: { message: string } }).error.message).toMatch(
        /stored by an earlier version of Ondeck without its host; enter the API key again/,
      )
      // The renderer's Settings opens its re-enter form on this name.
      expect((answer as { error: { message: string } }).error.message).toContain(
        '(Settings, Workspaces: “Re-enter API key”)',
      )
      expect(attacker.seen).toEqual([])
    })

    it('refuses to store a secret for plain http to another computer', async () => {
      const answer = await call('workspace:setSecret', {
        workspaceId: 'acme',
        kind: 'api-key',
        value: API_KEY,
        host: 'http://opsgenie.example.test',
      })
      expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
      expect(JSON.stringify(answer)).toMatch(/must use https/)
      // The stored key is still bound to the simulator.
      const workspace = { id: 'acme', name: 'Acme', host: sim.url }
      expect(await call('workspace:connect', { workspace })).toMatchObject({ ok: true })
    })

    it('moves a workspace to another host only when the key is entered again with it', async () => {
      const other = await startSim({ seed: 'empty', keys: [{ key: 'k-other', kind: 'global' }] })
      try {
        const workspace = { id: 'acme', name: 'Acme', host: other.url }
        expect(await call('workspace:connect', { workspace })).toMatchObject({ ok: false })
        const setKey = { workspaceId: 'acme', kind: 'api-key', value: 'k-other', host: other.url }
        expect(await call('workspace:setSecret', setKey)).toEqual({ ok: true, value: {} })
        expect(await call('workspace:connect', { workspace })).toMatchObject({ ok: true })
      } finally {
        await gateway.workspaces.disconnect('acme')
        await other.close()
      }
    })
  },
)
