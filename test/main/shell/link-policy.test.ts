import { describe, expect, it } from 'vitest'
import { isProviderUrl } from '../../../src/main/shell/link-policy'

describe('isProviderUrl', () => {
  it.each([
    'https://acme.app.opsgenie.com/alert/detail/abc',
    'https://app.eu.opsgenie.com/incident/detail/1',
    'https://opsgenie.com/',
    'https://acme.atlassian.net/jira/ops/alerts',
    'https://support.atlassian.com/opsgenie/',
    'https://ACME.APP.OPSGENIE.COM/upper-case-host',
  ])('opens %s', (url) => {
    expect(isProviderUrl(url)).toBe(true)
  })

  it.each([
    ['plain http', 'http://acme.app.opsgenie.com/'],
    ['another site', 'https://example.com/'],
    ['a look-alike suffix', 'https://evilopsgenie.com/'],
    ['the provider as a subdomain of another site', 'https://app.opsgenie.com.evil.example/'],
    ['credentials in the URL', 'https://user:pw@acme.app.opsgenie.com/'],
    ['a userinfo trick', 'https://acme.app.opsgenie.com@evil.example/'],
    ['a local file', 'file:///etc/passwd'],
    ['a custom scheme', 'opsgenie://alert/1'],
    ['javascript', 'javascript:alert(1)'],
    ['not a URL', 'acme.app.opsgenie.com'],
  ])('refuses %s', (_why, url) => {
    expect(isProviderUrl(url)).toBe(false)
  })
})
