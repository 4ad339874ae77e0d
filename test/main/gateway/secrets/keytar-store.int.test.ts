import { randomUUID } from 'node:crypto'
import keytar from 'keytar'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import {
  checkKeychain,
  createKeytarSecretStore,
  type KeytarSecretStore,
} from '../../../../src/main/gateway/secrets/index'
import { secretStoreContract } from './store-contract'

const service = `ondeck-test-${randomUUID().slice(0, 8)}`
const status = await checkKeychain({ service, probeTimeoutMs: 10_000 })
const SKIP_REASON =
  'no unlocked Secret Service: run under dbus-run-session -- bash .ci/with-keyring'
const missing = status.available ? null : `${SKIP_REASON} (${status.code}: ${status.detail})`
/** CI must never skip silently: there, a missing keychain fails every test below. */
const inCi = ['1', 'true', 'yes'].includes((process.env.CI ?? '').toLowerCase())
if (missing !== null && !inCi) console.warn(`skipping real-keychain tests: ${missing}`)

async function removeEverything(): Promise<void> {
  for (const { account } of await keytar.findCredentials(service))
    await keytar.deletePassword(service, account)
}

describe.skipIf(missing !== null && !inCi)(
  `keytar secret store in the real keychain${missing !== null && !inCi ? ` (skipped: ${SKIP_REASON})` : ''}`,
  () => {
    let store: KeytarSecretStore
    beforeAll(() => {
      if (missing !== null) throw new Error(`CI=true requires the real keychain: ${missing}`)
      store = createKeytarSecretStore({ service })
    })
    afterEach(removeEverything)
    afterAll(async () => {
      if (missing !== null) return
      await removeEverything()
      expect(await keytar.findCredentials(service)).toEqual([])
    })

    it('reports the keychain available', async () => {
      expect(await store.checkKeychain()).toEqual({ available: true })
      // The probe leaves nothing behind.
      expect(await keytar.findCredentials(service)).toEqual([])
    })

    secretStoreContract(() => store)

    it('stores each secret as its own keychain item under <workspace>:<kind>, with its endpoint in the same item', async () => {
      await store.set(
        { workspaceId: 'ws-us', kind: 'api-key' },
        'us-key',
        'https://api.opsgenie.com',
      )
      await store.set(
        { workspaceId: 'ws-us', kind: 'relay-token' },
        'us-token',
        'http://[::1]:8787/',
      )
      expect(JSON.parse((await keytar.getPassword(service, 'ws-us:api-key')) ?? '')).toEqual({
        ondeck: 1,
        endpoint: 'https://api.opsgenie.com',
        secret: 'us-key',
      })
      expect(JSON.parse((await keytar.getPassword(service, 'ws-us:relay-token')) ?? '')).toEqual({
        ondeck: 1,
        endpoint: 'http://[::1]:8787',
        secret: 'us-token',
      })
    })

    it('reads an item written before binding (a bare value) with no endpoint, so it goes nowhere', async () => {
      await keytar.setPassword(service, 'ws-old:api-key', 'old-key')
      await keytar.setPassword(service, 'ws-odd:api-key', '{"ondeck":2,"secret":"x"}')
      const old = await store.get({ workspaceId: 'ws-old', kind: 'api-key' })
      expect([old?.reveal(), old?.endpoint]).toEqual(['old-key', null])
      const odd = await store.get({ workspaceId: 'ws-odd', kind: 'api-key' })
      expect([odd?.reveal(), odd?.endpoint]).toEqual(['{"ondeck":2,"secret":"x"}', null])
    })

    it('lists only what it wrote, ignoring foreign items in the same service', async () => {
      await keytar.setPassword(service, 'someone-else', 'x')
      await keytar.setPassword(service, 'ws-a:password', 'x')
      await store.set({ workspaceId: 'ws-a', kind: 'api-key' }, 'a-key', 'https://api.opsgenie.com')
      expect(await store.list()).toEqual([{ workspaceId: 'ws-a', kind: 'api-key' }])
    })

    it('keeps services apart', async () => {
      const other = createKeytarSecretStore({ service: `${service}-other` })
      try {
        await other.set(
          { workspaceId: 'ws-a', kind: 'api-key' },
          'other-key',
          'https://api.opsgenie.com',
        )
        expect(await store.has({ workspaceId: 'ws-a', kind: 'api-key' })).toBe(false)
      } finally {
        await other.delete({ workspaceId: 'ws-a', kind: 'api-key' })
      }
      expect(await keytar.findCredentials(`${service}-other`)).toEqual([])
    })

    it('rejects an unsafe service name', () => {
      expect(() => createKeytarSecretStore({ service: 'bad service' })).toThrow(
        'invalid keychain service name "bad service"',
      )
    })
  },
)
