import { describe, expect, it } from 'vitest'
import { loadSpecValidator } from './index'
import { createPathMatcher } from './path-matcher'
import type { SwaggerSpec } from './spec-types'

describe('matchOperation', () => {
  const validator = loadSpecValidator()

  it.each([
    ['GET', '/v2/alerts/count', 'countAlerts', '/v2/alerts/count'],
    ['GET', '/v2/alerts/requests/r-1', 'getRequestStatus', '/v2/alerts/requests/{requestId}'],
    ['GET', '/v2/alerts/abc-123', 'getAlert', '/v2/alerts/{identifier}'],
    ['GET', '/v2/alerts/saved-searches', 'listSavedSearches', '/v2/alerts/saved-searches'],
    [
      'POST',
      '/v2/alerts/abc/acknowledge',
      'acknowledgeAlert',
      '/v2/alerts/{identifier}/acknowledge',
    ],
    ['GET', '/v2/schedules/on-calls', 'listOnCalls', '/v2/schedules/on-calls'],
    ['GET', '/v2/schedules/ops/on-calls', 'getOnCalls', '/v2/schedules/{identifier}/on-calls'],
    ['GET', '/v2/schedules/ops.ics', 'exportSchedule', '/v2/schedules/{identifier}.ics'],
    [
      'GET',
      '/v1/incidents/requests/r-1',
      'getIncidentRequestStatus',
      '/v1/incidents/requests/{requestId}',
    ],
  ])('%s %s -> %s (literal segments win over templates)', (method, path, operationId, template) => {
    expect(validator.matchOperation(method, path)).toEqual({ operationId, template })
  })

  it('treats a trailing slash as the same path (the spec lists /v1/incidents/)', () => {
    expect(validator.matchOperation('GET', '/v1/incidents')?.operationId).toBe('ListIncidents')
    expect(validator.matchOperation('GET', '/v2/request-limits/')?.operationId).toBe(
      'getRequestLimits',
    )
  })

  it('returns undefined for an unknown path or a method the path lacks', () => {
    expect(validator.matchOperation('GET', '/v2/nothing')).toBeUndefined()
    expect(validator.matchOperation('DELETE', '/v2/alerts/count')).toBeUndefined()
  })
})

describe('createPathMatcher', () => {
  const spec: SwaggerSpec = {
    swagger: '2.0',
    basePath: '/api',
    definitions: {},
    paths: {
      '/things/{id}': { get: { responses: {} } },
      '/things/mine': { get: { responses: {} } },
    },
  }
  const match = createPathMatcher(spec)

  it('strips basePath, extracts and decodes parameters', () => {
    expect(match('/api/things/a%20b')).toMatchObject({
      template: '/things/{id}',
      params: { id: 'a b' },
    })
    expect(match('/api/things/mine')?.template).toBe('/things/mine')
  })

  it('does not match outside basePath', () => {
    expect(match('/things/a')).toBeUndefined()
  })
})
