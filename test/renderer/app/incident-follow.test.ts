import 'fake-indexeddb/auto'
import { randomUUID } from 'node:crypto'
import { describe, expect, it, vi } from 'vitest'
import type { Incident } from '../../../src/shared/domain'
import { followIncidentCommands } from '../../../src/renderer/src/app/incident-follow'
import { OutboxDb } from '../../../src/renderer/src/outbox/outbox-db'
import type { OutboxCommand } from '../../../src/renderer/src/outbox/record'

const incident = (id: string): Incident => ({
  id,
  tinyId: '7',
  message: 'Checkout down',
  status: 'open',
  priority: 'P1',
  tags: [],
  responders: [],
  impactedServices: [],
  createdAt: '2026-12-06T10:00:00.000Z',
  updatedAt: '2026-12-06T10:00:00.000Z',
})

function row(
  fields: Partial<OutboxCommand> & Pick<OutboxCommand, 'kind' | 'input'>,
): OutboxCommand {
  return {
    id: randomUUID(),
    workspaceId: 'ws',
    lane: 'l',
    createdAt: 1,
    state: 'confirmed',
    nextAt: 0,
    attempts: 1,
    maybeSent: false,
    updatedAt: 2_000,
    ...fields,
  } as OutboxCommand
}

describe('followIncidentCommands', () => {
  it('reads back the incident of each incident command the outbox confirms, once, from now on', async () => {
    const outbox = await new OutboxDb(`outbox-${randomUUID()}`).openOrExplain()
    const reads: string[] = []
    const applied: Incident[] = []
    const api = {
      incidents: {
        get: async ({ incidentId }: { incidentId: string }) => {
          reads.push(incidentId)
          return { ok: true as const, value: incident(incidentId) }
        },
      },
    }
    await outbox.commands.add(
      row({ kind: 'incidents:resolve', input: { incidentId: 'old' }, updatedAt: 500 }),
    )
    const stop = followIncidentCommands({
      outbox,
      workspaceId: 'ws',
      api: api as never,
      applyIncidents: async (incidents) => void applied.push(...incidents),
      since: 1_000,
    })
    const create = row({
      kind: 'incidents:create',
      input: { message: 'Checkout down' },
      state: 'sent',
    })
    const seq = await outbox.commands.add(create)
    await outbox.commands.add(row({ kind: 'alerts:acknowledge', input: { alertId: 'a-1' } }))
    await new Promise((r) => setTimeout(r, 50))
    expect(reads).toEqual([]) // sent is not confirmed; alert commands are not followed
    await outbox.commands.update(seq, { state: 'confirmed', entityId: 'inc-1', updatedAt: 3_000 })
    await vi.waitFor(() => expect(applied.map((i) => i.id)).toEqual(['inc-1']))
    await outbox.commands.add(
      row({ kind: 'incidents:addNote', input: { incidentId: 'inc-1', note: 'x' } }),
    )
    await vi.waitFor(() => expect(reads).toEqual(['inc-1', 'inc-1']))
    stop()
    outbox.close()
  })
})
