import { TimeoutError } from 'ky'
import { describe, expect, it } from 'vitest'
import {
  mapHttpFailure,
  mapThrown,
} from '../../../../../src/main/gateway/provider/opsgenie/error-mapping'
import {
  OpsgenieError,
  isOpsgenieError,
} from '../../../../../src/main/gateway/provider/opsgenie/errors'

const op = 'POST /v2/alerts'
const body = (message: string, extra: Record<string, unknown> = {}): unknown => ({
  message,
  took: 0.01,
  requestId: 'r-1',
  ...extra,
})

describe('mapHttpFailure', () => {
  it('401 is bad-key with the responder-facing reason', () => {
    const f = mapHttpFailure(op, 401, new Headers(), body('Could not authenticate'))
    expect(f).toMatchObject({
      kind: 'bad-key',
      status: 401,
      requestId: 'r-1',
      serverMessage: 'Could not authenticate',
    })
    expect(f.message).toMatch(/^the API key was rejected \(401\)/)
  })

  it('403 is wrong-key and tells to use a global API integration key', () => {
    const f = mapHttpFailure(
      op,
      403,
      new Headers(),
      body('To perform this action, use an API key from an API integration.', { code: 40301 }),
    )
    expect(f).toMatchObject({ kind: 'wrong-key', code: 40301 })
    expect(f.message).toContain('use a global API integration key')
  })

  it('402 is plan', () => {
    expect(mapHttpFailure(op, 402, new Headers(), body('no'))).toMatchObject({ kind: 'plan' })
    expect(mapHttpFailure(op, 402, new Headers(), undefined).message).toContain(
      'plan does not allow this API',
    )
  })

  it('404 keeps the X-Opsgenie-Errortype header', () => {
    const f = mapHttpFailure(
      'GET /v2/alerts/requests/x',
      404,
      new Headers({ 'X-Opsgenie-Errortype': 'RequestNotProcessed' }),
      body('nope'),
    )
    expect(f).toMatchObject({ kind: 'not-found', errorType: 'RequestNotProcessed' })
  })

  it('422 and 400 are invalid with the field errors map', () => {
    const f = mapHttpFailure(
      op,
      422,
      new Headers(),
      body('Request body is not processable.', {
        errors: { 'recipients#type': "Invalid recipient type 'bb'" },
      }),
    )
    expect(f).toMatchObject({
      kind: 'invalid',
      origin: 'server',
      status: 422,
      errors: { 'recipients#type': "Invalid recipient type 'bb'" },
    })
    expect(f.message).toContain("recipients#type: Invalid recipient type 'bb'")
    expect(mapHttpFailure(op, 400, new Headers(), 'not json')).toMatchObject({
      kind: 'invalid',
      status: 400,
      errors: {},
    })
  })

  it('429 is throttled with period, reason and state from the headers', () => {
    const headers = new Headers({
      'X-RateLimit-State': 'THROTTLED',
      'X-RateLimit-Reason': 'ACCOUNT',
      'X-RateLimit-Period-In-Sec': '1',
    })
    const f = mapHttpFailure(op, 429, headers, body('TooManyRequests'))
    expect(f).toMatchObject({
      kind: 'throttled',
      periodSeconds: 1,
      reason: 'ACCOUNT',
      state: 'THROTTLED',
    })
    expect(f.message).toContain('per-second')
    expect(mapHttpFailure(op, 429, new Headers(), undefined)).toMatchObject({
      kind: 'throttled',
      periodSeconds: undefined,
    })
  })

  it('5xx is server; other statuses are unexpected', () => {
    expect(mapHttpFailure(op, 503, new Headers(), undefined)).toMatchObject({
      kind: 'server',
      status: 503,
    })
    expect(mapHttpFailure(op, 409, new Headers(), body('conflict'))).toMatchObject({
      kind: 'unexpected',
      status: 409,
    })
  })

  it('takes the request id from X-Request-ID when the body has none', () => {
    expect(mapHttpFailure(op, 500, new Headers({ 'X-Request-ID': 'hdr-1' }), '')).toMatchObject({
      requestId: 'hdr-1',
    })
  })
})

describe('mapThrown', () => {
  it('ky timeouts become timeout', () => {
    const error = new TimeoutError(new Request('http://127.0.0.1/v2/alerts'))
    expect(mapThrown(op, 'http://127.0.0.1', 500, error)).toMatchObject({
      kind: 'timeout',
      timeoutMs: 500,
    })
  })

  it.each([
    ['ECONNREFUSED', 'connection refused'],
    ['ECONNRESET', 'connection reset'],
    ['UND_ERR_SOCKET', 'connection closed before an answer'],
    ['EHOSTUNREACH', 'EHOSTUNREACH'],
  ])('fetch failures with cause %s become network', (code, words) => {
    const error = new TypeError('fetch failed', { cause: Object.assign(new Error('x'), { code }) })
    const f = mapThrown(op, 'http://127.0.0.1:9', 500, error)
    expect(f).toMatchObject({ kind: 'network', code })
    expect(f.message).toContain(words)
  })
})

describe('OpsgenieError', () => {
  it('carries the failure and narrows by kind', () => {
    const error = new OpsgenieError({ kind: 'server', status: 502, operation: op, message: 'boom' })
    expect(isOpsgenieError(error)).toBe(true)
    expect(isOpsgenieError(error, 'server')).toBe(true)
    expect(isOpsgenieError(error, 'timeout')).toBe(false)
    expect(error.kind).toBe('server')
    expect(error.message).toBe('boom')
  })
})
