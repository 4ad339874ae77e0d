import { describe, expect, it } from 'vitest'
import {
  incidentCreatedBy,
  laneOf,
  stripNoteMarker,
  noteMarker,
} from '../../../src/renderer/src/outbox/commands'
import { newCommand } from '../../../src/renderer/src/outbox/enqueue'
import { describeState, withoutIds } from '../../../src/renderer/src/outbox/describe'
import { applyPending, pendingAlertCreates } from '../../../src/renderer/src/outbox/overlay'
import { outboxCounts, outboxSummary } from '../../../src/renderer/src/outbox/selectors'
import type { Alert } from '../../../src/shared/domain'

const at = 1_000_000

describe('commands', () => {
  it('gives a create a deterministic alias from its id and puts commands by alias in its lane', () => {
    const create = newCommand({ kind: 'alerts:create', input: { message: 'Disk full' } }, 'w', at)
    expect(create.input['alias']).toBe(`ondeck-${create.id}`)
    const ack = newCommand(
      { kind: 'alerts:acknowledge', input: { alertId: `ondeck-${create.id}`, by: 'alias' } },
      'w',
      at,
    )
    expect(ack.lane).toBe(create.lane)
    const other = newCommand({ kind: 'alerts:acknowledge', input: { alertId: 'a1' } }, 'w', at)
    expect(other.lane).toBe('alert:id:a1')
  })
  it('tags an incident create and puts commands on it in its lane', () => {
    const create = newCommand({ kind: 'incidents:create', input: { message: 'Outage' } }, 'w', at)
    expect(create.input['tags']).toEqual([`ondeck-${create.id}`])
    const resolve = newCommand(
      { kind: 'incidents:resolve', input: { incidentId: incidentCreatedBy(create.id) } },
      'w',
      at,
    )
    expect(resolve.lane).toBe(create.lane)
    expect(laneOf({ kind: 'incidents:close', input: { incidentId: 'i1' } }, 'x')).toBe(
      'incident:id:i1',
    )
  })
  it('refuses a command the channel would refuse, naming the field', () => {
    expect(() =>
      newCommand({ kind: 'alerts:addNote', input: { alertId: 'a1', note: '' } }, 'w', at),
    ).toThrow(/note/)
    expect(() =>
      newCommand(
        { kind: 'alerts:addNote', input: { alertId: 'a1', note: 'x'.repeat(25_000) } },
        'w',
        at,
      ),
    ).toThrow(/longer/)
  })
  it('strips the marker for display', () => {
    expect(stripNoteMarker(`on it\n\n${noteMarker('abc-1')}`)).toBe('on it')
  })
})

const alert: Alert = {
  id: 'a1',
  tinyId: '1',
  alias: 'disk',
  message: 'Disk',
  status: 'open',
  acknowledged: false,
  snoozed: false,
  priority: 'P3',
  tags: [],
  teams: [],
  responders: [],
  count: 1,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
}

describe('overlay and panel text', () => {
  it('applies pending commands in order on top of the confirmed alert', () => {
    const cmds = [
      newCommand({ kind: 'alerts:acknowledge', input: { alertId: 'a1' } }, 'w', at),
      newCommand(
        { kind: 'alerts:setPriority', input: { alertId: 'disk', by: 'alias', priority: 'P1' } },
        'w',
        at,
      ),
      newCommand({ kind: 'alerts:close', input: { alertId: 'other' } }, 'w', at),
    ]
    expect(applyPending(alert, cmds)).toMatchObject({
      acknowledged: true,
      priority: 'P1',
      status: 'open',
    })
    expect(applyPending(alert, [])).toBe(alert)
  })
  it('lists queued creates and counts commands for the status bar', () => {
    const create = newCommand({ kind: 'alerts:create', input: { message: 'Page' } }, 'w', at)
    expect(pendingAlertCreates([create])).toEqual([
      { commandId: create.id, alias: `ondeck-${create.id}`, message: 'Page', priority: 'P3' },
    ])
    const failed = {
      ...create,
      state: 'failed' as const,
      failure: { kind: 'invalid', message: 'bad' },
    }
    const confirm = { ...create, state: 'waiting' as const, wait: { reason: 'confirm' as const } }
    const counts = outboxCounts([create, failed, confirm])
    expect(counts).toEqual({
      pending: 2,
      needsConfirmation: 1,
      failed: 1,
      expired: 0,
      unreachable: 0,
    })
    expect(outboxSummary(counts)).toBe('2 queued, 1 to confirm, 1 failed')
  })
  it('says why a command waits', () => {
    const c = newCommand({ kind: 'alerts:acknowledge', input: { alertId: 'a1' } }, 'w', at)
    expect(
      describeState({ ...c, state: 'waiting', wait: { reason: 'confirm' } }, at + 40 * 60_000),
    ).toBe('Waiting for you: you did this 40 minutes ago; send it now?')
    // never a request id: the outbox follows it, the responder need not
    expect(describeState({ ...c, state: 'sent', requestId: 'r9' }, at)).toBe(
      'Sent, waiting for Opsgenie to confirm',
    )
    expect(describeState({ ...c, state: 'confirmed' }, at)).toBe('Sent')
    expect(describeState({ ...c, state: 'waiting', wait: { reason: 'offline' } }, at)).toBe(
      'Waiting for the network',
    )
    expect(
      describeState(
        { ...c, state: 'failed', failure: { kind: 'not-found', message: 'Alert does not exist' } },
        at,
      ),
    ).toBe('Failed: Alert does not exist')
    const withId = {
      ...c,
      state: 'failed' as const,
      failure: {
        kind: 'failed',
        message: 'Escalation not found (request id 0f8fad5b-d9cb-469f-a165-70867728950e)',
      },
    }
    expect(describeState(withId, at)).toBe('Failed: Escalation not found')
    expect(withoutIds('Request 455e0c7e-1111-4222-8333-944455556666 failed')).toBe('failed')
  })
})
