import { describe, expect, it } from 'vitest'
import { createSpecValidator, readSpec, SPEC_DEVIATIONS, type SpecDeviation } from './index'

const HEADERS = { authorization: 'GenieKey k', 'content-type': 'application/json' }
const createIncident = {
  method: 'POST',
  path: '/v1/incidents/create',
  query: {},
  headers: HEADERS,
  body: { message: 'Checkout degraded', impactedServices: ['s-1'] },
}

describe('deviations', () => {
  it('each one says what, why and where it is recorded', () => {
    for (const deviation of SPEC_DEVIATIONS) {
      expect(deviation.what.length, deviation.id).toBeGreaterThan(10)
      expect(deviation.why.length, deviation.id).toBeGreaterThan(10)
      expect(deviation.source, deviation.id).toMatch(/API-NOTES\.md §\d/)
      expect(deviation.operation, deviation.id).toMatch(/^(GET|POST|PUT|PATCH|DELETE) \//)
    }
    expect(new Set(SPEC_DEVIATIONS.map((d) => d.id)).size).toBe(SPEC_DEVIATIONS.length)
  })

  it('the raw spec rejects what Opsgenie accepts; the patched one validates the real shape', () => {
    const raw = createSpecValidator(readSpec(), [])
    expect(raw.validateRequest(createIncident).map((v) => v.path)).toEqual([
      '/body/serviceId',
      '/body/impactedServices',
    ])
    const patched = createSpecValidator(readSpec(), SPEC_DEVIATIONS)
    expect(patched.validateRequest(createIncident)).toEqual([])
    expect(
      patched
        .validateRequest({ ...createIncident, body: { impactedServices: 's-1' } })
        .map((v) => v.path),
    ).toEqual(['/body/message', '/body/impactedServices'])
    expect(patched.deviationsUsed()).toContain('incident-create-impacted-services')
  })

  it('supplies incident operations the spec lacks, still validated', () => {
    const patched = createSpecValidator(readSpec(), SPEC_DEVIATIONS)
    const add = (body: unknown): string[] =>
      patched
        .validateRequest({
          method: 'POST',
          path: '/v1/incidents/i-1/responders',
          query: {},
          headers: HEADERS,
          body,
        })
        .map((v) => v.path)
    expect(add({ responder: [{ type: 'team', id: 't' }] })).toEqual([])
    expect(add({ responders: [{ type: 'user', username: 'u@example.com' }], note: 'n' })).toEqual(
      [],
    )
    expect(add({ note: 'n' })).toContain('/body')
    for (const method of ['PUT', 'POST']) {
      const priority = (body: unknown): string[] =>
        patched
          .validateRequest({
            method,
            path: '/v1/incidents/i-1/priority',
            query: {},
            headers: HEADERS,
            body,
          })
          .map((v) => v.path)
      expect(priority({ priority: 'P2' }), method).toEqual([])
      expect(priority({ priority: 'P9' }), method).toEqual(['/body/priority'])
    }
    expect(patched.matchOperation('POST', '/v1/incidents/i-1/resolve')?.operationId).toBe(
      'resolveIncident',
    )
  })

  it('an allowance suppresses exactly its operation, side and path', () => {
    const allowance: SpecDeviation = {
      kind: 'allow',
      id: 'test',
      operation: 'POST /v1/incidents/create',
      where: 'request',
      path: '/body/serviceId',
      what: 'test only',
      why: 'test only',
      source: 'API-NOTES.md §4',
    }
    const validator = createSpecValidator(readSpec(), [allowance])
    expect(validator.validateRequest(createIncident).map((v) => v.path)).toEqual([
      '/body/impactedServices',
    ])
    expect(validator.deviationsUsed()).toEqual(new Set(['test']))
  })
})
