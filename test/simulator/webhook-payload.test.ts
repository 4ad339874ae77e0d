import { describe, expect, it } from 'vitest'
import { WebhookPayloads } from '../../src/simulator/webhook-payload'
import type { AlertRecord, EscalationRecord } from '../../src/simulator/store'
import { readZulipFixture, zulipFixtureFiles } from '../fixtures/opsgenie/paths'

const fixture = (name: string): Record<string, unknown> =>
  JSON.parse(readZulipFixture(name)) as Record<string, unknown>

const alert: AlertRecord = {
  id: 'ec03dad6-62c8-4c94-b38b-d88f398e900f-1502709956288',
  tinyId: '2',
  alias: 'alert-alias',
  message: 'another alert',
  description: 'd',
  status: 'open',
  acknowledged: false,
  isSeen: false,
  tags: ['vip'],
  count: 1,
  lastOccurredAt: 1502709956288,
  createdAt: 1502709956288,
  updatedAt: 1502709956288,
  source: 'test@example.com',
  owner: '',
  priority: 'P3',
  responders: [{ type: 'team', id: 't1', name: 'ops' }],
  actions: [],
  entity: 'Server',
  details: {},
  integration: { id: 'i', name: 'API', type: 'API' },
  report: {},
  notes: [],
  logs: [],
}
const actor = { username: 'test@example.com', userId: '8d43133c-a002-4e95-bf2b-2d6f95e47c96' }

/** JSON type of each key; nanosecond numbers parse as numbers either way. */
const shape = (o: Record<string, unknown>): Record<string, string> =>
  Object.fromEntries(
    Object.entries(o).map(([k, v]) => [
      k,
      Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v,
    ]),
  )

/** Fixture action file name -> (action, extra fields our emitter adds for it). */
const CASES: Record<string, { action: string; extra?: Record<string, string> }> = {
  create: { action: 'Create' },
  acknowledge: { action: 'Acknowledge' },
  unacknowledge: { action: 'UnAcknowledge' },
  close: { action: 'Close' },
  delete: { action: 'Delete' },
  addnote: { action: 'AddNote', extra: { note: 'n' } },
  assignownership: { action: 'AssignOwnership', extra: { owner: 'o' } },
  addrecipient: { action: 'AddRecipient', extra: { recipient: 'r' } },
  addteam: { action: 'AddTeam', extra: { team: 't' } },
  addtags: { action: 'AddTags', extra: { addedTags: 'a,b' } },
  removetags: { action: 'RemoveTags', extra: { removedTags: 'a' } },
  customaction: { action: 'TestAction' },
  takeownership: { action: 'TakeOwnership' },
}

describe('webhook payloads', () => {
  const payloads = new WebhookPayloads({ id: 'w', name: 'Webhook' })

  it('covers every fixture', () => {
    const names = zulipFixtureFiles().map((f) => f.replace('.json', ''))
    expect(names.filter((n) => !CASES[n] && n !== 'escalate')).toEqual([])
  })

  it.each(Object.entries(CASES))('%s has every fixture key with the fixture type', (name, c) => {
    const text = payloads.build({
      kind: 'alert',
      action: c.action,
      alert,
      actor,
      at: 1502709956288,
      requestId: 'req',
      extra: c.extra,
    })
    const ours = JSON.parse(text) as Record<string, unknown>
    const theirs = fixture(name)
    const top = shape(ours)
    for (const [key, type] of Object.entries(shape(theirs))) {
      // takeownership.json carries integrationType as the integration's name: still a string.
      expect({ key, type: top[key] }).toEqual({ key, type })
    }
    const ourAlert = shape(ours.alert as Record<string, unknown>)
    for (const [key, type] of Object.entries(shape(theirs.alert as Record<string, unknown>))) {
      // The zulip create.json is an old payload with numeric priority; current Opsgenie sends "P3" (API-NOTES §7.4).
      const expected = key === 'priority' ? 'string' : type
      expect({ key, type: ourAlert[key] }).toEqual({ key, type: expected })
    }
    expect(text).toMatch(/"updatedAt":\d{19}[,}]/)
  })

  it('writes nanosecond timestamps as exact 19-digit integer literals', () => {
    const text = payloads.build({
      kind: 'alert',
      action: 'Create',
      alert,
      actor,
      at: 1795745042839,
      requestId: 'req',
    })
    const updated = /"updatedAt":(\d+)/.exec(text)?.[1] ?? ''
    expect(updated).toHaveLength(19)
    expect(updated.startsWith('1795745042839')).toBe(true)
    expect(BigInt(updated) / 1_000_000n).toBe(1795745042839n)
    expect(/"insertedAt":(\d{19})/.test(text)).toBe(true)
  })

  it('shapes Escalate with the escalation at the top level, like the fixture', () => {
    const escalation: EscalationRecord = {
      id: 'e1',
      name: 'ops_escalation',
      description: '',
      ownerTeamId: 't1',
      rules: [],
    }
    const ours = JSON.parse(
      payloads.build({
        kind: 'escalate',
        alert,
        escalation,
        notify: { name: 'a@b.c', id: 'u1', entity: 'user' },
        at: 1,
      }),
    ) as Record<string, unknown>
    expect(shape(ours)).toEqual(shape(fixture('escalate')))
    expect(ours).toMatchObject({
      action: 'Escalate',
      escalationName: 'ops_escalation',
      alert: { alertId: alert.id },
    })
  })
})
