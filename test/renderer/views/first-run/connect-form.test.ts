import { describe, expect, it } from 'vitest'
import {
  EMPTY_CONNECT_FORM,
  parseConnectForm,
  workspaceIdFor,
} from '../../../../src/renderer/src/views/first-run/connect-form'

describe('connect form', () => {
  it('names each missing or malformed field', () => {
    const result = parseConnectForm(
      {
        ...EMPTY_CONNECT_FORM,
        hostKind: 'custom',
        customUrl: 'nope',
        relayUrl: 'https://relay.example.com',
      },
      new Set(),
    )
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(Object.keys(result.errors).sort()).toEqual(['apiKey', 'customUrl', 'name', 'relayToken'])
  })

  it('builds a workspace config without the secrets in it', () => {
    const result = parseConnectForm(
      {
        ...EMPTY_CONNECT_FORM,
        name: 'Acme Prod',
        hostKind: 'eu',
        apiKey: ' key-1 ',
        username: 'ada',
      },
      new Set(['acme-prod']),
    )
    expect(result).toEqual({
      ok: true,
      config: { id: 'acme-prod-2', name: 'Acme Prod', host: 'eu', demo: false },
      apiKey: 'key-1',
      username: 'ada',
    })
  })

  it('makes ids the contract accepts', () => {
    expect(workspaceIdFor('  Ünïcode!! Team ', new Set())).toBe('n-code-team')
    expect(workspaceIdFor('***', new Set())).toBe('workspace')
  })
})
