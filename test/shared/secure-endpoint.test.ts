import { describe, expect, it } from 'vitest'
import {
  checkEndpointText,
  insecureEndpointReason,
  isLoopbackHostname,
} from '../../src/shared/secure-endpoint'

describe('secure endpoint rule', () => {
  it.each(['localhost', 'LOCALHOST', '127.0.0.1', '127.255.0.9', '[::1]'])(
    '%s is loopback',
    (host) => expect(isLoopbackHostname(host)).toBe(true),
  )

  it.each([
    '127.0.0.256',
    '128.0.0.1',
    '10.0.0.1',
    '[::2]',
    'localhost.example.com',
    'example.com',
  ])('%s is not loopback', (host) => expect(isLoopbackHostname(host)).toBe(false))

  it('normalises IPv4 shorthands through the URL parser before deciding', () => {
    expect(insecureEndpointReason(new URL('http://127.1:80'), 'relay URL')).toBeUndefined()
    expect(insecureEndpointReason(new URL('http://0x7f000001'), 'relay URL')).toBeUndefined()
    expect(insecureEndpointReason(new URL('http://2130706433'), 'relay URL')).toBeUndefined()
  })

  it('allows https anywhere and names the rule for http elsewhere', () => {
    expect(checkEndpointText('https://api.example.com', 'Opsgenie host')).toBeUndefined()
    expect(checkEndpointText('http://api.example.com', 'Opsgenie host')).toBe(
      'the Opsgenie host must use https: plain http is allowed only to this computer ' +
        '(localhost, 127.0.0.0/8, ::1), never to api.example.com',
    )
    expect(checkEndpointText('ftp://127.0.0.1', 'relay URL')).toBe(
      'the relay URL must be an https URL',
    )
    expect(checkEndpointText('not a url', 'relay URL')).toBe('the relay URL is not a valid URL')
  })
})
