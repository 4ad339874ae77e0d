import { describe, expect, it } from 'vitest'
import {
  EMPTY_CONNECT_FORM,
  parseConnectForm,
  workspaceIdFor,
} from '../../../src/renderer/src/settings/connect-form'

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

  it('refuses plain http to another computer for the API and the relay, naming the rule', () => {
    const result = parseConnectForm(
      {
        ...EMPTY_CONNECT_FORM,
        name: 'Acme',
        apiKey: 'k',
        hostKind: 'custom',
        customUrl: 'http://opsgenie.example.com',
        relayUrl: 'http://relay.example.com',
        relayToken: 't',
      },
      new Set(),
    )
    expect(result).toEqual({
      ok: false,
      errors: {
        customUrl:
          'Use https: plain http is allowed only to this computer (localhost, 127.0.0.0/8, ::1)',
        relayUrl:
          'Use https: plain http is allowed only to this computer (localhost, 127.0.0.0/8, ::1)',
      },
    })
  })

  it('accepts https anywhere and plain http on this computer (the simulator)', () => {
    const result = parseConnectForm(
      {
        ...EMPTY_CONNECT_FORM,
        name: 'Local',
        apiKey: 'k',
        hostKind: 'custom',
        customUrl: 'http://127.0.0.1:4010',
        relayUrl: 'https://relay.example.com',
        relayToken: 't',
      },
      new Set(),
    )
    expect(result).toMatchObject({
      ok: true,
      config: { host: 'http://127.0.0.1:4010', relayUrl: 'https://relay.example.com' },
    })
  })

  it('asks for the relay URL a device token belongs to', () => {
    const result = parseConnectForm(
      { ...EMPTY_CONNECT_FORM, name: 'Acme', apiKey: 'k', relayToken: 't' },
      new Set(),
    )
    expect(result).toEqual({
      ok: false,
      errors: { relayUrl: 'A device token needs the relay URL it belongs to' },
    })
  })

  it('makes ids the contract accepts', () => {
    expect(workspaceIdFor('  Ünïcode!! Team ', new Set())).toBe('n-code-team')
    expect(workspaceIdFor('***', new Set())).toBe('workspace')
  })
})
