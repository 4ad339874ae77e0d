import 'fake-indexeddb/auto'
import { describe, expect, it, vi } from 'vitest'
import type { IntakeEvent } from '../../../src/shared/ipc/schemas'
import type { AppServices, SessionIngest } from '../../../src/renderer/src/app/services'
import { startSession, type SessionSink } from '../../../src/renderer/src/app/session'
import { SettingsDb } from '../../../src/renderer/src/settings/settings-db'
import {
  CoordinationDb,
  coordinationDbName,
} from '../../../src/renderer/src/incidents/coordination'
import { CacheDb } from '../../../src/renderer/src/db/cache-db'
import { toIncidentRow } from '../../../src/renderer/src/db/derive'
import { OutboxDb } from '../../../src/renderer/src/outbox/outbox-db'
import { createFakeApi, FULL_CAPABILITIES, ok, type FakeHandlers } from './support/fake-api'
import { freshWorkspaceId } from './support/fixtures'

function setup(handlers: FakeHandlers) {
  const id = freshWorkspaceId()
  const batches: IntakeEvent[][] = []
  const ingest: SessionIngest = { applyBatch: async (events) => void batches.push([...events]) }
  const fake = createFakeApi(handlers)
  const services: AppServices = {
    api: fake.api,
    settings: new SettingsDb(freshWorkspaceId('settings')),
    openCache: (workspaceId) => new CacheDb(workspaceId).openOrExplain(),
    openCoordination: (id) => new CoordinationDb(coordinationDbName(id)).openOrExplain(),
    createIngest: () => ingest,
    outbox: new OutboxDb(freshWorkspaceId('outbox')),
  }
  const log: string[] = []
  const sink: SessionSink = {
    connected: (c) => log.push(`connected:${c.keyKind}`),
    failed: (e) => log.push(`failed:${e}`),
    health: (h) => log.push(`health:${h.state}`),
    eventsArrived: (at) => log.push(`event:${at}`),
  }
  const entry = {
    id,
    config: {
      id,
      name: 'Acme',
      host: 'us' as const,
      relayUrl: 'https://relay.example.com',
      demo: false,
    },
    addedAt: 1,
  }
  return { id, fake, services, sink, log, batches, entry }
}

const event = (workspaceId: string, n: number): IntakeEvent => ({
  workspaceId,
  cursor: String(n),
  source: 'relay',
  receivedAt: 1000 + n,
  payload: { kind: 'gap', reason: 'test' },
})

describe('startSession', () => {
  it('connects, starts intake from the stored cursor and batches events into ingest', async () => {
    const t = setup({
      'workspace:connect': () => ok(FULL_CAPABILITIES),
      'intake:start': (input) => ok({ workspaceId: input.workspaceId, state: 'live' }),
    })
    const db = await new CacheDb(t.id).openOrExplain()
    await db.cursors.put({ source: 'relay', cursor: 'evt-41', updatedAt: 1 })
    db.close()

    const session = await startSession(t.services, t.entry, t.sink)
    await session.started
    expect(t.fake.callsTo('intake:start')).toEqual([{ workspaceId: t.id, cursor: 'evt-41' }])
    expect(t.log.slice(0, 2)).toEqual(['connected:global', 'health:live'])

    t.fake.emit('intake:event', event(t.id, 1))
    t.fake.emit('intake:event', event('someone-else', 2))
    t.fake.emit('intake:event', event(t.id, 3))
    t.fake.emit('intake:health', { workspaceId: t.id, state: 'degraded', detail: 'relay down' })
    await vi.waitFor(() => expect(t.batches.length).toBeGreaterThan(0), { timeout: 2000 })
    expect(t.batches).toEqual([[event(t.id, 1), event(t.id, 3)]])
    expect(t.log).toContain('health:degraded')
    expect(t.log).toContain('event:1003')

    await session.stop()
    expect(t.fake.listenerCount('intake:event')).toBe(0)
    expect(t.fake.listenerCount('intake:health')).toBe(0)
  })

  it("hands each batch's alert changes and written Opsgenie incidents to the sink", async () => {
    const t = setup({
      'workspace:connect': () => ok(FULL_CAPABILITIES),
      'intake:start': (input) => ok({ workspaceId: input.workspaceId, state: 'live' }),
    })
    const incident = {
      id: 'i-1',
      tinyId: '1',
      message: 'DB down',
      status: 'resolved' as const,
      priority: 'P1' as const,
      tags: [],
      responders: [],
      impactedServices: [],
      createdAt: '2026-12-06T10:00:00.000Z',
      updatedAt: '2026-12-06T11:00:00.000Z',
    }
    const reported: unknown[] = []
    t.services = {
      ...t.services,
      createIngest: () => ({
        applyBatch: async () => ({
          changes: [],
          incidents: [{ incident: toIncidentRow(incident) }],
        }),
      }),
    }
    const session = await startSession(t.services, t.entry, {
      ...t.sink,
      changes: (changes, incidents) => reported.push({ changes, incidents }),
    })
    await session.started
    t.fake.emit('intake:event', event(t.id, 1))
    await vi.waitFor(() =>
      expect(reported).toEqual([
        { changes: [], incidents: [{ incident: toIncidentRow(incident) }] },
      ]),
    )
    await session.stop()
  })

  it('still opens the cache when connect fails, and says why', async () => {
    const t = setup({
      'workspace:connect': () => ({ ok: false, error: { code: 'failed', message: 'offline' } }),
    })
    const session = await startSession(t.services, t.entry, t.sink)
    await session.started
    expect(session.db.isOpen()).toBe(true)
    expect(t.log).toEqual(['health:offline', 'failed:offline'])
    expect(t.fake.callsTo('intake:start')).toEqual([])
    await session.stop()
  })

  it('imports the directory after connecting', async () => {
    const t = setup({
      'workspace:connect': () => ok(FULL_CAPABILITIES),
      'intake:start': (input) => ok({ workspaceId: input.workspaceId, state: 'polling' }),
      'directory:teams': () => ok([{ id: 't1', name: 'Payments' }]),
      'directory:services': (input) =>
        ok(
          input.cursor === undefined
            ? { items: [{ id: 's1', name: 'Checkout API', tags: [] }], next: 'p2' }
            : { items: [{ id: 's2', name: 'Auth', tags: [] }] },
        ),
      'directory:schedules': () =>
        ok([{ id: 'sc1', name: 'Payments rota', timezone: 'UTC', enabled: true, rotations: [] }]),
      'directory:onCalls': () =>
        ok({
          scheduleId: 'sc1',
          scheduleName: 'Payments rota',
          at: '2026-11-27T00:00:00Z',
          usernames: ['ada'],
        }),
    })
    const session = await startSession(t.services, t.entry, t.sink)
    await session.started
    expect((await session.db.services.toArray()).map((s) => s.name).sort()).toEqual([
      'Auth',
      'Checkout API',
    ])
    expect(await session.db.teams.get('t1')).toMatchObject({ name: 'Payments' })
    expect(await session.db.onCalls.get('sc1')).toMatchObject({ usernames: ['ada'] })
    await session.stop()
  })
})
