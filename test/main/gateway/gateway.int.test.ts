import { randomUUID } from 'node:crypto'
import keytar from 'keytar'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createGateway, type Gateway } from '../../../src/main/gateway/compose'
import {
  checkKeychain,
  createKeytarSecretStore,
  createMemorySecretStore,
} from '../../../src/main/gateway/secrets'
import type { RunningSimulator } from '../../../src/simulator/index'
import { startSim } from './provider/opsgenie/support'

/**
 * The gateway as the renderer sees it: IPC envelopes from the router, with keys stored in the
 * real keychain. Asserts that no answer and no log line ever carries a stored key.
 */
const service = `ondeck-test-${randomUUID().slice(0, 8)}`
const status = await checkKeychain({ service, probeTimeoutMs: 10_000 })
const inCi = ['1', 'true', 'yes'].includes((process.env['CI'] ?? '').toLowerCase())
const skip = !status.available && !inCi
const APP = { url: 'app://ondeck' }
const API_KEY = 'k-global'

describe.skipIf(skip)(
  `gateway over IPC with the real keychain${skip ? ' (skipped: no unlocked Secret Service: run under dbus-run-session -- bash .ci/with-keyring)' : ''}`,
  () => {
    let sim: RunningSimulator
    let gateway: Gateway
    const answers: unknown[] = []
    const logs: string[] = []
    const call = async (channel: string, input: unknown): Promise<unknown> => {
      const answer = await gateway.router.dispatch(channel, input, APP)
      answers.push(answer)
      return answer
    }

    beforeAll(async () => {
      if (!status.available) throw new Error(`CI=true requires the real keychain: ${status.reason}`)
      sim = await startSim({ seed: 'demo', keys: [{ key: API_KEY, kind: 'global' }] })
      gateway = createGateway({
        secrets: createKeytarSecretStore({ service }),
        demoSecrets: createMemorySecretStore(),
        checkKeychain: () => checkKeychain({ service }),
        isTrustedSender: (s) => s.url === APP.url,
        log: (line) => logs.push(line),
      })
    })

    afterAll(async () => {
      await gateway?.dispose()
      await sim?.close()
      for (const { account } of await keytar.findCredentials(service)) {
        await keytar.deletePassword(service, account)
      }
    })

    it('stores the key in the keychain and only ever says whether it is set', async () => {
      expect(await call('workspace:secretStatus', { workspaceId: 'acme' })).toEqual({
        ok: true,
        value: { apiKey: false, relayToken: false, keychain: { available: true } },
      })
      expect(
        await call('workspace:setSecret', {
          workspaceId: 'acme',
          kind: 'api-key',
          value: API_KEY,
          host: sim.url,
        }),
      ).toEqual({ ok: true, value: {} })
      expect(await keytar.getPassword(service, 'acme:api-key')).toContain(API_KEY)
      expect(await call('workspace:secretStatus', { workspaceId: 'acme' })).toMatchObject({
        ok: true,
        value: { apiKey: true },
      })
    })

    it('connects, learns capabilities, acts and reads through the provider', async () => {
      const workspace = { id: 'acme', name: 'Acme', host: sim.url }
      expect(await call('workspace:connect', { workspace })).toMatchObject({
        ok: true,
        value: { keyKind: 'global', canWrite: true },
      })
      const created = await call('alerts:create', {
        workspaceId: 'acme',
        message: 'From IPC',
        alias: 'ipc-1',
      })
      expect(created).toMatchObject({ ok: true, value: { status: 'accepted' } })
      const listed = (await call('alerts:list', { workspaceId: 'acme', query: 'status:open' })) as {
        ok: boolean
        value: { items: unknown[] }
      }
      expect(listed.ok).toBe(true)
      expect(listed.value.items.length).toBeGreaterThan(0)
      expect(await call('governor:state', { workspaceId: 'acme' })).toMatchObject({ ok: true })
    })

    it('refuses actions on a workspace that is not connected, without leaking anything', async () => {
      expect(await call('alerts:close', { workspaceId: 'other', alertId: 'x' })).toMatchObject({
        ok: false,
        error: { code: 'failed', message: 'workspace other is not connected' },
      })
    })

    it('scrubs a key that reaches an error message', async () => {
      expect(gateway.scrub(`request with GenieKey ${API_KEY} failed`)).not.toContain(API_KEY)
    })

    it('never put the stored key in an answer or a log line', () => {
      const text = JSON.stringify(answers) + logs.join('\n')
      expect(answers.length).toBeGreaterThan(5)
      expect(text).not.toContain(API_KEY)
    })
  },
)
