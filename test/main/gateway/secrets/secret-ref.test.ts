import { describe, expect, it } from 'vitest'
import { secretRefSchema, parseSecretRef } from '../../../../src/main/gateway/secrets/index'
import { accountFor, refFromAccount } from '../../../../src/main/gateway/secrets/secret-ref'

describe('secret refs', () => {
  it('maps refs to keychain account names and back', () => {
    const ref = { workspaceId: 'Ops_EU-2', kind: 'relay-token' } as const
    expect(accountFor(ref)).toBe('Ops_EU-2:relay-token')
    expect(refFromAccount(accountFor(ref))).toEqual(ref)
  })

  it('reads accounts it did not write as null', () => {
    for (const account of [
      '__ondeck_keychain_probe__',
      'ws:unknown-kind',
      ':api-key',
      'a b:api-key',
      'a:b:api-key',
    ]) {
      expect(refFromAccount(account)).toBeNull()
    }
  })

  it('returns a clean copy of a valid ref', () => {
    expect(parseSecretRef({ workspaceId: 'w1', kind: 'api-key' })).toEqual({
      workspaceId: 'w1',
      kind: 'api-key',
    })
  })

  it('exposes a zod schema with the same rules for IPC boundaries', () => {
    expect(secretRefSchema.safeParse({ workspaceId: 'w1', kind: 'api-key' }).success).toBe(true)
    expect(secretRefSchema.safeParse({ workspaceId: 'w:1', kind: 'api-key' }).success).toBe(false)
    expect(
      secretRefSchema.safeParse({ workspaceId: 'w1', kind: 'api-key', extra: 1 }).success,
    ).toBe(false)
  })
})
