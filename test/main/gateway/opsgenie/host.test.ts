import { describe, expect, it } from 'vitest'
import { resolveHost } from '../../../../src/main/gateway/opsgenie/host'
import { parseRateLimit } from '../../../../src/main/gateway/opsgenie/rate-limit'

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
