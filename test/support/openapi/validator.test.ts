import { describe, expect, it } from 'vitest'
import { loadSpecValidator, readSpec, type SpecViolation } from './index'
import { isHttpMethod, type SwaggerOperation } from './spec-types'

const HEADERS = {
  Authorization: 'GenieKey 11111111-2222-3333-4444-555555555555',
  'Content-Type': 'application/json; charset=utf-8',
}
const JSON_HEADERS = { 'content-type': 'application/json' }
const validator = loadSpecValidator()

function paths(violations: SpecViolation[]): string[] {
  return violations.map((v) => v.path)
}

function createAlert(body: unknown, query: Record<string, string> = {}): SpecViolation[] {
  return validator.validateRequest({
    method: 'POST',
    path: '/v2/alerts',
    query,
    headers: HEADERS,
    body,
  })
}

const GOOD_ALERT = {
  message: 'DB primary unreachable',
  alias: 'db-primary-down',
  responders: [
    { type: 'team', name: 'ops' },
    { type: 'user', username: 'alice@example.com' },
    { type: 'escalation', id: 'aee8a0de-c80f-4515-a232-501c0bc9d715' },
    { type: 'schedule', name: 'ops_schedule' },
  ],
  visibleTo: [{ type: 'team', id: '4513b7ea-3b91-438f-b7e4-e3e54af9147c' }],
  tags: ['db'],
  details: { host: 'db-1' },
  priority: 'P1',
  user: 'Monitoring',
  note: 'auto-created',
}

describe('validateRequest', () => {
  it('passes a correct create-alert request (API-NOTES §3.2 example)', () => {
    expect(createAlert(GOOD_ALERT)).toEqual([])
  })

  it('names the missing message', () => {
    const { message: _message, ...rest } = GOOD_ALERT
    expect(createAlert(rest)).toEqual([
      {
        operation: 'POST /v2/alerts',
        where: 'request',
        path: '/body/message',
        message: "missing required property 'message'",
      },
    ])
  })

  it('names a responder with an unknown type', () => {
    const violations = createAlert({ ...GOOD_ALERT, responders: [{ type: 'squad', name: 'ops' }] })
    expect(paths(violations)).toContain('/body/responders/0/type')
    expect(violations.find((v) => v.path === '/body/responders/0/type')?.message).toMatch(/"squad"/)
  })

  it('checks the discriminated subtype: a team responder has a name, not a username', () => {
    expect(
      paths(createAlert({ ...GOOD_ALERT, responders: [{ type: 'team', username: 'ops' }] })),
    ).toEqual(['/body/responders/0/username'])
  })

  it('names a priority outside P1..P5', () => {
    const violations = createAlert({ ...GOOD_ALERT, priority: 'P0' })
    expect(violations).toHaveLength(1)
    expect(violations[0]).toMatchObject({
      path: '/body/priority',
      message: expect.stringMatching(/P1.*P5.*got "P0"/),
    })
  })

  it('flags a property the spec does not define (a typo passes JSON Schema otherwise)', () => {
    expect(paths(createAlert({ ...GOOD_ALERT, priorty: 'P1' }))).toEqual(['/body/priorty'])
  })

  it('names a query parameter of the wrong type, out of range, or unknown', () => {
    const violations = validator.validateRequest({
      method: 'GET',
      path: '/v2/alerts',
      query: { limit: 'ten', offset: '-1', sortBy: 'x' },
      headers: HEADERS,
      body: undefined,
    })
    expect(paths(violations).sort()).toEqual(['/query/limit', '/query/offset', '/query/sortBy'])
    expect(violations.find((v) => v.path === '/query/limit')?.message).toBe(
      'must be integer (got "ten")',
    )
  })

  it('accepts typed query values that are well formed', () => {
    const query = {
      query: 'status:open',
      limit: '100',
      offset: '0',
      sort: 'createdAt',
      order: 'desc',
    }
    expect(
      validator.validateRequest({
        method: 'GET',
        path: '/v2/alerts',
        query,
        headers: HEADERS,
        body: undefined,
      }),
    ).toEqual([])
    const onCalls = {
      flat: 'true',
      date: '2026-11-27T10:00:00.000Z',
      scheduleIdentifierType: 'name',
    }
    expect(
      validator.validateRequest({
        method: 'GET',
        path: '/v2/schedules/ops/on-calls',
        query: onCalls,
        headers: HEADERS,
        body: undefined,
      }),
    ).toEqual([])
  })

  it('requires the GenieKey authorization header and a JSON content type with a body', () => {
    const violations = validator.validateRequest({
      method: 'POST',
      path: '/v2/alerts',
      query: {},
      headers: { authorization: 'Bearer x' },
      body: GOOD_ALERT,
    })
    expect(paths(violations)).toEqual(['/headers/authorization', '/headers/content-type'])
  })

  it('requires a body where the spec does and rejects one where it has none', () => {
    expect(paths(createAlert(undefined))).toEqual(['/body'])
    const get = validator.validateRequest({
      method: 'GET',
      path: '/v2/account',
      query: {},
      headers: HEADERS,
      body: { x: 1 },
    })
    expect(paths(get)).toEqual(['/body'])
  })

  it('reports an unknown path or method as a violation of the operation', () => {
    const unknown = validator.validateRequest({
      method: 'GET',
      path: '/v3/nothing',
      query: {},
      headers: HEADERS,
      body: undefined,
    })
    expect(unknown).toEqual([
      {
        operation: 'GET /v3/nothing',
        where: 'request',
        path: '',
        message: 'no path in the spec matches /v3/nothing',
      },
    ])
    const method = validator.validateRequest({
      method: 'POST',
      path: '/v2/alerts/count',
      query: {},
      headers: HEADERS,
      body: {},
    })
    expect(method[0]).toMatchObject({
      operation: 'POST /v2/alerts/count',
      message: expect.stringMatching(/defines GET/),
    })
  })
})

describe('validateResponse', () => {
  const alert = {
    id: 'a-1',
    tinyId: '1',
    message: 'm',
    status: 'open',
    createdAt: '2026-11-27T10:00:00.123456789Z',
    responders: [{ type: 'team', id: 't-1' }],
  }

  function getAlert(
    status: number,
    body: unknown,
    headers: Record<string, string> = JSON_HEADERS,
  ): SpecViolation[] {
    return validator.validateResponse({
      method: 'GET',
      path: '/v2/alerts/a-1',
      status,
      headers,
      body,
    })
  }

  it('passes a well-formed alert, with nanosecond timestamps and extra fields Opsgenie adds', () => {
    expect(
      getAlert(200, {
        data: { ...alert, seen: true, ownerTeamId: 't' },
        took: 0.01,
        requestId: 'r-1',
      }),
    ).toEqual([])
  })

  it('fails a response missing a required field', () => {
    const { id: _id, ...noId } = alert
    expect(paths(getAlert(200, { data: noId, took: 0.01, requestId: 'r-1' }))).toEqual([
      '/body/data/id',
    ])
    expect(paths(getAlert(200, { data: alert, took: 0.01 }))).toEqual(['/body/requestId'])
  })

  it('checks types and formats: integer count, date-time with a zone', () => {
    const violations = getAlert(200, {
      data: { ...alert, count: 1.5, updatedAt: '2026-11-27 10:00:00' },
      took: 0.01,
      requestId: 'r',
    })
    expect(paths(violations).sort()).toEqual(['/body/data/count', '/body/data/updatedAt'])
  })

  it('validates error answers against ErrorResponse, and needs a JSON content type', () => {
    expect(getAlert(404, { message: 'Alert not found', took: 0.001, requestId: 'r' })).toEqual([])
    expect(paths(getAlert(404, { message: 'Alert not found' }))).toEqual([
      '/body/requestId',
      '/body/took',
    ])
    expect(
      paths(
        getAlert(404, { message: 'x', took: 0, requestId: 'r' }, { 'content-type': 'text/plain' }),
      ),
    ).toEqual(['/headers/content-type'])
  })

  it('does not let an unlisted success status fall through to default', () => {
    const violations = validator.validateResponse({
      method: 'POST',
      path: '/v2/alerts',
      status: 200,
      headers: JSON_HEADERS,
      body: { result: 'ok', took: 0, requestId: 'r' },
    })
    expect(violations).toEqual([
      {
        operation: 'POST /v2/alerts',
        where: 'response',
        path: '/status',
        message: expect.stringMatching(/status 200 is not documented.*202/),
      },
    ])
  })

  it('accepts null where the spec marks a property nullable', () => {
    const escalation = {
      id: 'e',
      name: 'n',
      repeat: {
        waitInterval: null,
        count: null,
        resetRecipientStates: null,
        closeAlertAfterAll: null,
      },
    }
    const res = {
      method: 'GET',
      path: '/v2/escalations/e',
      status: 200,
      headers: JSON_HEADERS,
      body: { data: escalation, took: 0, requestId: 'r' },
    }
    expect(validator.validateResponse(res)).toEqual([])
  })
})

describe('the whole spec', () => {
  it('compiles every operation, request and response (strict Ajv: no keyword slips through)', () => {
    const spec = readSpec()
    let checked = 0
    for (const [template, item] of Object.entries(spec.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        if (!isHttpMethod(method) || operation === undefined || Array.isArray(operation)) continue
        const path = template.replace(/\{[^}]+\}/g, 'x')
        const req = { method, path, query: {}, headers: HEADERS, body: {} }
        expect(() => validator.validateRequest(req), `${method} ${template}`).not.toThrow()
        for (const status of Object.keys((operation as SwaggerOperation).responses)) {
          const res = {
            method,
            path,
            status: status === 'default' ? 599 : Number(status),
            headers: JSON_HEADERS,
            body: {},
          }
          expect(
            () => validator.validateResponse(res),
            `${method} ${template} ${status}`,
          ).not.toThrow()
        }
        checked++
      }
    }
    expect(checked).toBeGreaterThan(170)
  }, 30_000)
})
