import { describe, expect, it } from 'vitest'
import { resolveHost } from '../../../../../src/main/gateway/provider/opsgenie/host'
import { parseRateLimit } from '../../../../../src/main/gateway/provider/opsgenie/rate-limit'

describe('resolveHost', () => {
  it('maps the regions', () => {
    expect(resolveHost('us')).toBe('https://api.opsgenie.com')
    expect(resolveHost('eu')).toBe('https://api.eu.opsgenie.com')
  })

  it('takes a base URL, dropping trailing slashes and keeping a path prefix', () => {
    expect(resolveHost('http://127.0.0.1:4010/')).toBe('http://127.0.0.1:4010')
    expect(resolveHost('https://example.test/jsm/ops//')).toBe('https://example.test/jsm/ops')
  })

  it.each([
    ['EU', 'use us, eu or an http(s) base URL'],
    ['api.opsgenie.com', 'use us, eu or an http(s) base URL'],
    ['ftp://example.test', 'must be http or https'],
    ['https://example.test/?apiKey=1', 'no query'],
    ['https://user:pw@example.test', 'credentials'],
  ])('refuses %s', (host, problem) => {
    expect(() => resolveHost(host)).toThrow(problem)
  })

  it.each([
    'http://api.opsgenie.com',
    'http://example.test:8080',
    'http://10.0.0.5',
    'http://[::2]',
    'http://128.0.0.1',
    'http://localhost.example.test',
  ])('refuses plain http to %s: the key would cross the network in the clear', (host) => {
    expect(() => resolveHost(host)).toThrow(
      /must use https: plain http is allowed only to this computer/,
    )
  })

  it.each([
    ['http://localhost:4010', 'http://localhost:4010'],
    ['http://127.0.0.1:4010', 'http://127.0.0.1:4010'],
    ['http://127.9.8.7', 'http://127.9.8.7'],
    ['http://[::1]:4010/', 'http://[::1]:4010'],
    ['https://opsgenie.internal.example/ops', 'https://opsgenie.internal.example/ops'],
  ])('accepts %s (loopback http or https)', (host, resolved) => {
    expect(resolveHost(host)).toBe(resolved)
  })
})

describe('parseRateLimit', () => {
  it('reads the three headers', () => {
    const headers = new Headers({
      'X-RateLimit-State': 'THROTTLED',
      'X-RateLimit-Reason': 'ACCOUNT',
      'X-RateLimit-Period-In-Sec': '60',
    })
    expect(parseRateLimit(headers)).toEqual({
      state: 'THROTTLED',
      reason: 'ACCOUNT',
      periodSeconds: 60,
    })
  })

  it('is undefined without any header and ignores a nonsense period', () => {
    expect(parseRateLimit(new Headers())).toBeUndefined()
    expect(
      parseRateLimit(
        new Headers({ 'X-RateLimit-State': 'OK', 'X-RateLimit-Period-In-Sec': 'soon' }),
      ),
    ).toEqual({
      state: 'OK',
      reason: undefined,
      periodSeconds: undefined,
    })
  })
})
