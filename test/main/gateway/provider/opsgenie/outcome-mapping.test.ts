import { describe, expect, it } from 'vitest'
import {
  OpsgenieError,
  type OpsgenieFailure,
} from '../../../../../src/main/gateway/provider/opsgenie'
import { outcomeOfError } from '../../../../../src/main/gateway/provider/opsgenie/outcome-mapping'

const base = { operation: 'POST /v2/alerts', message: 'm' }
const of = (failure: OpsgenieFailure) => outcomeOfError(new OpsgenieError(failure), 1_000)

describe('outcomeOfError', () => {
  it('throttled: retry after the advertised period, 60 s when none was given', () => {
    expect(
      of({ ...base, kind: 'throttled', status: 429, periodSeconds: 1, reason: 'ACCOUNT' }),
    ).toEqual({
      status: 'throttled',
      retryAt: 2_000,
      reason: 'ACCOUNT',
    })
    expect(of({ ...base, kind: 'throttled', status: 429 })).toEqual({
      status: 'throttled',
      retryAt: 61_000,
    })
  })

  it('offline only when the request provably never left (refused, no DNS)', () => {
    expect(of({ ...base, kind: 'network', code: 'ECONNREFUSED' }).status).toBe('offline')
    expect(of({ ...base, kind: 'network', code: 'ENOTFOUND' }).status).toBe('offline')
    expect(of({ ...base, kind: 'network', code: 'ECONNRESET' }).status).toBe('unknown')
    expect(of({ ...base, kind: 'network' }).status).toBe('unknown')
  })

  it('a timeout, a 5xx or an unexpected answer may have been applied: unknown', () => {
    expect(of({ ...base, kind: 'timeout', timeoutMs: 5 }).status).toBe('unknown')
    expect(of({ ...base, kind: 'server', status: 503 }).status).toBe('unknown')
    expect(of({ ...base, kind: 'unexpected', status: 409 }).status).toBe('unknown')
  })

  it('refusals for good keep their kind and field errors', () => {
    expect(of({ ...base, kind: 'bad-key', status: 401 })).toEqual({
      status: 'rejected',
      kind: 'bad-key',
      message: 'm',
    })
    expect(of({ ...base, kind: 'plan', status: 402 })).toMatchObject({
      status: 'rejected',
      kind: 'plan',
    })
    expect(
      of({
        ...base,
        kind: 'invalid',
        origin: 'server',
        status: 422,
        errors: { message: 'too long' },
      }),
    ).toEqual({
      status: 'rejected',
      kind: 'invalid',
      message: 'm',
      fields: { message: 'too long' },
    })
  })

  it('anything that is not an Opsgenie error is unknown, never lost', () => {
    expect(outcomeOfError(new Error('boom'), 0)).toEqual({ status: 'unknown', message: 'boom' })
  })
})
