import { expect, it } from 'vitest'
import {
  InvalidSecretError,
  Secret,
  type SecretRef,
  type SecretStore,
} from '../../../../src/main/gateway/secrets/index'

const KEY_A = '11111111-2222-4333-8444-555555555555'
const KEY_B = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee'
/** Where the secrets in these tests may go: https anywhere, http on loopback only. */
const HOST = 'https://api.opsgenie.com'
const apiKey = (workspaceId: string): SecretRef => ({ workspaceId, kind: 'api-key' })
const relayToken = (workspaceId: string): SecretRef => ({ workspaceId, kind: 'relay-token' })

/**
 * Behaviour every SecretStore must have; run against the memory store (unit) and the real
 * keychain (integration). `store()` is called inside each test, after setup has run.
 */
export function secretStoreContract(store: () => SecretStore): void {
  it('round-trips set, get, has, list and delete', async () => {
    const s = store()
    expect(await s.has(apiKey('ws-a'))).toBe(false)
    expect(await s.get(apiKey('ws-a'))).toBeNull()
    await s.set(apiKey('ws-a'), KEY_A, HOST)
    expect(await s.has(apiKey('ws-a'))).toBe(true)
    const got = await s.get(apiKey('ws-a'))
    expect(got).toBeInstanceOf(Secret)
    expect(got?.reveal()).toBe(KEY_A)
    expect(await s.list()).toEqual([apiKey('ws-a')])
    expect(await s.delete(apiKey('ws-a'))).toBe(true)
    expect(await s.delete(apiKey('ws-a'))).toBe(false)
    expect(await s.has(apiKey('ws-a'))).toBe(false)
    expect(await s.list()).toEqual([])
  })

  it('overwrites an existing secret', async () => {
    const s = store()
    await s.set(apiKey('ws-a'), KEY_A, HOST)
    await s.set(apiKey('ws-a'), new Secret(KEY_B), HOST)
    expect((await s.get(apiKey('ws-a')))?.reveal()).toBe(KEY_B)
    expect(await s.list()).toEqual([apiKey('ws-a')])
  })

  it('keeps workspaces and kinds apart', async () => {
    const s = store()
    await s.set(apiKey('ws-us'), KEY_A, HOST)
    await s.set(apiKey('ws-eu'), KEY_B, 'https://api.eu.opsgenie.com')
    await s.set(relayToken('ws-us'), 'relay-token-us', 'https://relay.example.com')
    expect((await s.get(apiKey('ws-us')))?.reveal()).toBe(KEY_A)
    expect((await s.get(apiKey('ws-eu')))?.reveal()).toBe(KEY_B)
    expect((await s.get(relayToken('ws-us')))?.reveal()).toBe('relay-token-us')
    expect(await s.has(relayToken('ws-eu'))).toBe(false)
    expect(await s.list()).toEqual([apiKey('ws-eu'), apiKey('ws-us'), relayToken('ws-us')])
    expect(await s.list('ws-us')).toEqual([apiKey('ws-us'), relayToken('ws-us')])

    await s.delete(apiKey('ws-us'))
    expect((await s.get(apiKey('ws-eu')))?.reveal()).toBe(KEY_B)
    expect((await s.get(relayToken('ws-us')))?.reveal()).toBe('relay-token-us')
    expect(await s.list('ws-us')).toEqual([relayToken('ws-us')])
  })

  it.each([
    [null, 'secret ref must be an object'],
    [{ workspaceId: '', kind: 'api-key' }, 'invalid workspace id ""'],
    [{ workspaceId: 'ws:evil', kind: 'api-key' }, 'invalid workspace id "ws:evil"'],
    [{ workspaceId: '../etc', kind: 'api-key' }, 'invalid workspace id "../etc"'],
    [{ workspaceId: 'w'.repeat(65), kind: 'api-key' }, 'use 1-64 characters'],
    [{ workspaceId: 42, kind: 'api-key' }, 'workspace id must be a string, got number'],
    [
      { workspaceId: 'ws-a', kind: 'password' },
      'invalid secret kind "password": expected one of api-key, relay-token',
    ],
    [{ workspaceId: 'ws-a' }, 'invalid secret kind undefined'],
    [
      { workspaceId: 'ws-a', kind: 'api-key', value: 'x' },
      'unexpected field(s) in secret ref: value',
    ],
  ])('rejects the ref %j with a clear message', async (ref, message) => {
    const s = store()
    const bad = ref as unknown as SecretRef
    for (const attempt of [s.set(bad, KEY_A, HOST), s.get(bad), s.has(bad), s.delete(bad)]) {
      const error = await attempt.then(
        () => null,
        (e: unknown) => e,
      )
      expect(error).toBeInstanceOf(InvalidSecretError)
      expect((error as Error).message).toContain(message)
    }
    expect(await s.list()).toEqual([])
  })

  it.each([
    ['empty', '', 'API key is empty'],
    ['with a newline', 'abc-secret\ndef', 'API key contains a line break'],
    ['with a carriage return', 'abc-secret\rdef', 'API key contains a line break'],
    ['with a NUL', 'abc-secret\u0000def', 'API key contains a control character'],
    ['padded', ' padded-secret ', 'API key starts or ends with whitespace'],
    ['of 1025 characters', 'k'.repeat(1025), 'API key is too long (1025 characters, at most 1024)'],
    ['a number', 42, 'API key must be a string'],
  ])('rejects a value %s without echoing it', async (_label, value, message) => {
    const s = store()
    const error = await s.set(apiKey('ws-a'), value as string, HOST).then(
      () => null,
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(InvalidSecretError)
    expect((error as Error).message).toContain(message)
    if (typeof value === 'string' && value.length > 0) {
      expect((error as Error).message).not.toContain(value.trim().slice(0, 10))
    }
    expect(await s.list()).toEqual([])
  })

  it('accepts a value of exactly the maximum length', async () => {
    const s = store()
    await s.set(apiKey('ws-a'), 'k'.repeat(1024), HOST)
    expect((await s.get(apiKey('ws-a')))?.reveal()).toHaveLength(1024)
  })

  it('names the relay token in its validation errors', async () => {
    await expect(store().set(relayToken('ws-a'), '', 'https://relay.example.com')).rejects.toThrow(
      'relay token is empty',
    )
  })

  it('returns each secret with the endpoint it was stored for, in canonical form', async () => {
    const s = store()
    await s.set(apiKey('ws-a'), KEY_A, 'https://API.example.com:443/ops/')
    await s.set(relayToken('ws-a'), 'token-a', 'http://127.0.0.1:8787')
    expect((await s.get(apiKey('ws-a')))?.endpoint).toBe('https://api.example.com/ops')
    expect((await s.get(relayToken('ws-a')))?.endpoint).toBe('http://127.0.0.1:8787')
    await s.set(apiKey('ws-a'), KEY_B, 'https://api.eu.opsgenie.com')
    const moved = await s.get(apiKey('ws-a'))
    expect([moved?.reveal(), moved?.endpoint]).toEqual([KEY_B, 'https://api.eu.opsgenie.com'])
  })

  it.each([
    ['http://api.example.com', 'the Opsgenie host must use https'],
    ['ftp://127.0.0.1', 'must be an http(s) URL'],
    ['https://user:pw@api.example.com', 'must not carry credentials'],
    ['https://api.example.com/?k=1', 'must not carry credentials, a query'],
    ['api.example.com', 'is not a valid URL'],
    [42, 'must be a string'],
  ])('refuses to store a key for the endpoint %j', async (endpoint, message) => {
    const s = store()
    await expect(s.set(apiKey('ws-a'), KEY_A, endpoint as string)).rejects.toThrow(message)
    await expect(s.set(relayToken('ws-a'), 'token-a', 'http://relay.example.com')).rejects.toThrow(
      'the relay URL must use https',
    )
    expect(await s.list()).toEqual([])
  })

  it('rejects an invalid workspace filter in list', async () => {
    await expect(store().list('bad id')).rejects.toThrow('invalid workspace id "bad id"')
  })
}
