import { describe, expect, it } from 'vitest'
import {
  EMPTY_CONNECT_FORM,
  parseConnectForm,
} from '../../../src/renderer/src/settings/connect-form'

const jsm = { ...EMPTY_CONNECT_FORM, provider: 'jsm' as const }

describe('connect form, Jira Service Management', () => {
  it('names the site, e-mail and token when they are missing or malformed', () => {
    const result = parseConnectForm(
      { ...jsm, name: 'Acme', siteUrl: 'nope', email: 'x' },
      new Set(),
    )
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(Object.keys(result.errors).sort()).toEqual(['apiKey', 'email', 'siteUrl'])
  })

  it('refuses plain http off this computer, for the site and the advanced API URL', () => {
    const result = parseConnectForm(
      {
        ...jsm,
        name: 'Acme',
        siteUrl: 'http://acme.atlassian.net',
        email: 'a@acme.com',
        apiKey: 't',
        apiUrl: 'http://api.example.com',
      },
      new Set(),
    )
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.errors.siteUrl).toMatch(/https/)
    expect(result.errors.apiUrl).toMatch(/https/)
  })

  it('builds a JSM workspace whose token is bound to the site, the e-mail as username', () => {
    const result = parseConnectForm(
      {
        ...jsm,
        name: 'Acme Ops',
        siteUrl: 'https://acme.atlassian.net/',
        email: 'ada@acme.com',
        apiKey: ' tok ',
        incidentProject: 'OPS',
      },
      new Set(),
    )
    expect(result).toEqual({
      ok: true,
      config: {
        id: 'acme-ops',
        name: 'Acme Ops',
        host: 'https://acme.atlassian.net',
        demo: false,
        provider: 'jsm',
        jsm: { email: 'ada@acme.com', incidentProject: 'OPS' },
      },
      apiKey: 'tok',
      username: 'ada@acme.com',
    })
  })

  it('takes the simulator on loopback through the advanced API URL', () => {
    const result = parseConnectForm(
      {
        ...jsm,
        name: 'Sim',
        siteUrl: 'http://127.0.0.1:4010',
        email: 'a@b.co',
        apiKey: 't',
        apiUrl: 'http://127.0.0.1:4010',
      },
      new Set(),
    )
    expect(result.ok && result.config).toMatchObject({
      host: 'http://127.0.0.1:4010',
      jsm: { apiUrl: 'http://127.0.0.1:4010' },
    })
  })
})

describe('connect form, where a JSM token may go', () => {
  it('refuses an advanced API URL that is neither Atlassian’s nor the site’s own origin', () => {
    const result = parseConnectForm(
      {
        ...jsm,
        name: 'Acme',
        siteUrl: 'https://acme.atlassian.net',
        email: 'a@acme.com',
        apiKey: 't',
        apiUrl: 'https://collector.example.com',
      },
      new Set(),
    )
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.errors.apiUrl).toMatch(/only to https:\/\/api\.atlassian\.com/)
  })
})
