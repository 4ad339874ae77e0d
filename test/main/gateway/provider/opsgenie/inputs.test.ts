import { describe, expect, it } from 'vitest'
import {
  CreateAlertInput,
  ListAlertsInput,
  SnoozeInput,
  AddNoteInput,
  AddResponderInput,
} from '../../../../../src/main/gateway/provider/opsgenie/inputs/alert'
import { parseInput } from '../../../../../src/main/gateway/provider/opsgenie/inputs/common'
import {
  AddIncidentRespondersInput,
  CreateIncidentInput,
  ListIncidentsInput,
} from '../../../../../src/main/gateway/provider/opsgenie/inputs/incident'
import { OpsgenieError } from '../../../../../src/main/gateway/provider/opsgenie/errors'

/** The field errors `parseInput` reports, or undefined when the input passes. */
function fieldErrors(
  schema: Parameters<typeof parseInput>[0],
  value: unknown,
): Record<string, string> | undefined {
  try {
    parseInput(schema, value, 'input')
    return undefined
  } catch (error) {
    if (!(error instanceof OpsgenieError) || error.failure.kind !== 'invalid') throw error
    expect(error.failure.origin).toBe('client')
    return { ...error.failure.errors }
  }
}

const x = (n: number): string => 'x'.repeat(n)

describe('create alert input', () => {
  it('accepts a full, valid alert and rewrites responders to the wire shape', () => {
    const body = parseInput(
      CreateAlertInput,
      {
        message: 'DB down',
        alias: x(512),
        responders: [
          { type: 'team', name: 'ops' },
          { type: 'user', name: 'alice@example.com' },
          { type: 'user', username: 'bob@example.com' },
          { type: 'schedule', id: 's-1' },
        ],
        tags: Array.from({ length: 20 }, () => x(50)),
        details: { host: 'db-1' },
        priority: 'P1',
        note: x(25000),
      },
      'alert',
    )
    expect(body.responders).toEqual([
      { type: 'team', name: 'ops' },
      { type: 'user', username: 'alice@example.com' },
      { type: 'user', username: 'bob@example.com' },
      { type: 'schedule', id: 's-1' },
    ])
  })

  it.each([
    ['message', { message: '' }, 'is required'],
    ['message', { message: '   ' }, 'is required'],
    ['message', { message: x(131) }, 'at most 130'],
    ['alias', { message: 'm', alias: x(513) }, 'at most 512'],
    ['tags', { message: 'm', tags: Array.from({ length: 21 }, () => 't') }, 'at most 20 tags'],
    ['tags.1', { message: 'm', tags: ['ok', x(51)] }, 'at most 50'],
    [
      'responders',
      { message: 'm', responders: Array.from({ length: 51 }, () => ({ type: 'team', name: 't' })) },
      'at most 50',
    ],
    [
      'responders.0.type',
      { message: 'm', responders: [{ type: 'group', name: 'g' }] },
      'team, user, escalation, schedule',
    ],
    ['responders.0', { message: 'm', responders: [{ type: 'team' }] }, 'needs an id, or a name'],
    [
      'visibleTo.0.type',
      { message: 'm', visibleTo: [{ type: 'schedule', id: 's' }] },
      'team, user',
    ],
    ['actions', { message: 'm', actions: Array.from({ length: 11 }, () => 'a') }, 'at most 10'],
    ['priority', { message: 'm', priority: 'P6' }, 'P1, P2, P3, P4, P5'],
    ['note', { message: 'm', note: x(25001) }, 'at most 25000'],
    ['details', { message: 'm', details: { big: x(8000) } }, '8000 characters in total'],
    ['entity', { message: 'm', entity: x(513) }, 'at most 512'],
    ['source', { message: 'm', source: x(101) }, 'at most 100'],
    ['user', { message: 'm', user: x(101) }, 'at most 100'],
  ])('rejects a bad %s, naming the field', (field, input, problem) => {
    const errors = fieldErrors(CreateAlertInput, input)
    expect(errors?.[field]).toContain(problem)
  })

  it('puts every field error into the thrown message', () => {
    expect(() => parseInput(CreateAlertInput, { message: '', priority: 'P9' }, 'alert')).toThrow(
      /invalid alert: message: is required; priority: must be one of/,
    )
  })
})

describe('alert action inputs', () => {
  it('requires a note for add note', () => {
    expect(fieldErrors(AddNoteInput, {})?.note).toBeDefined()
    expect(fieldErrors(AddNoteInput, { note: 'hi' })).toBeUndefined()
  })

  it('accepts a snooze end time in the future and refuses one in the past', () => {
    const future = new Date(Date.now() + 60_000)
    expect(parseInput(SnoozeInput, { endTime: future }, 'snooze').endTime).toBe(
      future.toISOString(),
    )
    expect(
      fieldErrors(SnoozeInput, { endTime: new Date(Date.now() - 1000).toISOString() })?.endTime,
    ).toContain('in the future')
    expect(fieldErrors(SnoozeInput, { endTime: 'tomorrow' })?.endTime).toContain('ISO-8601')
  })

  it('validates an added responder', () => {
    expect(
      fieldErrors(AddResponderInput, { responder: { type: 'escalation' } })?.responder,
    ).toContain('needs an id')
    expect(
      parseInput(AddResponderInput, { responder: { type: 'escalation', name: 'ops_esc' } }, 'r')
        .responder,
    ).toEqual({ type: 'escalation', name: 'ops_esc' })
  })

  it('keeps list windows inside the 20,000 paging cap', () => {
    expect(fieldErrors(ListAlertsInput, { offset: 19_900, limit: 100 })).toBeUndefined()
    expect(fieldErrors(ListAlertsInput, { offset: 19_901, limit: 100 })?.offset).toContain('20000')
    expect(fieldErrors(ListAlertsInput, { limit: 101 })?.limit).toContain('at most 100')
    expect(fieldErrors(ListAlertsInput, { sort: 'colour' })?.sort).toContain('not a sortable')
  })
})

describe('incident inputs', () => {
  it('requires a query to list incidents', () => {
    expect(fieldErrors(ListIncidentsInput, {})?.query).toContain('is required')
    expect(fieldErrors(ListIncidentsInput, { query: ' ' })?.query).toContain('is required')
    expect(fieldErrors(ListIncidentsInput, { query: 'status:open' })).toBeUndefined()
  })

  it('takes only team and user responders', () => {
    expect(
      fieldErrors(CreateIncidentInput, {
        message: 'm',
        responders: [{ type: 'escalation', id: 'e' }],
      })?.['responders.0.type'],
    ).toContain('team, user')
    expect(fieldErrors(AddIncidentRespondersInput, { responders: [] })?.responders).toContain(
      'at least one',
    )
  })
})
