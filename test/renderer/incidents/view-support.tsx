import 'fake-indexeddb/auto'
import { render, type RenderResult } from '@testing-library/react'
import { randomUUID } from 'node:crypto'
import type { ReactElement } from 'react'
import type { Service } from '../../../src/shared/domain'
import { ok, type Envelope } from '../../../src/shared/ipc/envelope'
import {
  createCoordination,
  CoordinationDb,
  type Coordination,
  type CoordinationPort,
} from '../../../src/renderer/src/incidents/coordination'
import { CacheDb } from '../../../src/renderer/src/db/cache-db'
import { toAlertRow } from '../../../src/renderer/src/db/derive'
import { createOutboxEngine } from '../../../src/renderer/src/outbox/engine'
import { OutboxDb } from '../../../src/renderer/src/outbox/outbox-db'
import type { OutboxCommand } from '../../../src/renderer/src/outbox/record'
import type { OutboxPort } from '../../../src/renderer/src/outbox/port'
import { CoordinationProvider } from '../../../src/renderer/src/incidents/coordination-context'
import { WorkspaceProvider } from '../../../src/renderer/src/app/workspace-context'
import { OutboxProvider } from '../../../src/renderer/src/outbox/outbox-context'
import { useCoordinationViewStore } from '../../../src/renderer/src/incidents/coordination-view-store'

type ServicesCall = CoordinationPort['directory']['services']
type ServicesAnswer = Awaited<ReturnType<ServicesCall>>

export interface ViewRig {
  coordination: Coordination
  cache: CacheDb
  outboxDb: OutboxDb
  workspaceId: string
  /** The outbox's commands in enqueue order (the engine is never started: nothing is sent). */
  commands(): Promise<OutboxCommand[]>
  render(ui: ReactElement): RenderResult
}

const unreachable = (): never => {
  throw new Error('this test reads no on-call data from main')
}

/**
 * A real `Coordination` over fake-indexeddb with an outbox engine that queues durably but never
 * sends, and a cache holding a small directory. `services` answers the services import.
 */
export async function viewRig(
  options: { services?: ServicesCall; incidents?: CoordinationPort['incidents'] } = {},
): Promise<ViewRig> {
  const workspaceId = `ws-${randomUUID().slice(0, 8)}`
  const outboxDb = await new OutboxDb(`outbox-${workspaceId}`).openOrExplain()
  const outbox = createOutboxEngine({ db: outboxDb, port: {} as OutboxPort, workspaceId })
  const db = await new CoordinationDb(`coordination-${workspaceId}`).openOrExplain()
  const port: CoordinationPort = {
    directory: {
      onCalls: unreachable,
      schedules: unreachable,
      services: options.services ?? unreachable,
    },
    alerts: { get: async () => ok(null) },
    incidents: options.incidents ?? { get: unreachable, list: unreachable },
  }
  const cache = await new CacheDb(workspaceId).openOrExplain()
  const coordination = createCoordination({ db, outbox, port, cache, workspaceId })
  await coordination.connect()
  await seedDirectory(cache)
  useCoordinationViewStore.getState().reset()
  return {
    coordination,
    cache,
    outboxDb,
    workspaceId,
    commands: () => outboxDb.commands.orderBy('seq').toArray(),
    render: (ui) =>
      render(
        <WorkspaceProvider
          workspace={{
            config: { id: workspaceId, name: 'Acme', host: 'us', demo: false },
            db: cache,
          }}
        >
          <OutboxProvider outbox={{ db: outboxDb, engine: outbox, workspaceId }}>
            <CoordinationProvider coordination={coordination} cache={cache} outboxDb={outboxDb}>
              {ui}
            </CoordinationProvider>
          </OutboxProvider>
        </WorkspaceProvider>,
      ),
  }
}

async function seedDirectory(cache: CacheDb): Promise<void> {
  await cache.teams.bulkPut([
    { id: 't-infra', name: 'Infrastructure' },
    { id: 't-sec', name: 'Security' },
  ])
  await cache.users.bulkPut([
    { id: 'u-alice', username: 'alice@example.com', fullName: 'Alice Moreau' },
    { id: 'u-bashir', username: 'bashir@example.com', fullName: 'Bashir Okafor' },
  ])
  const schedule = (id: string, name: string) => ({
    id,
    name,
    timezone: 'UTC',
    enabled: true,
    rotations: [],
  })
  await cache.schedules.bulkPut([
    schedule('s-infra', 'Infrastructure'),
    schedule('s-sec', 'Security'),
  ])
  await cache.onCalls.put({
    scheduleId: 's-infra',
    scheduleName: 'Infrastructure',
    at: new Date().toISOString(),
    usernames: ['alice@example.com'],
  })
  await cache.services.bulkPut([{ id: 'svc-checkout', name: 'Checkout API', tags: [] }])
  const now = new Date().toISOString()
  await cache.alerts.put(
    toAlertRow({
      id: 'a-disk',
      tinyId: '7',
      alias: 'disk-full',
      message: 'Disk full on db-7',
      status: 'open',
      acknowledged: false,
      snoozed: false,
      priority: 'P2',
      tags: [],
      teams: [],
      responders: [],
      count: 1,
      createdAt: now,
      updatedAt: now,
    }),
  )
}

/** An in-memory services endpoint: `pageSize` per page, and a gate to hold a page back. */
export function servicesEndpoint(
  all: readonly Service[],
  pageSize: number,
): { call: ServicesCall; hold(page: number): () => void; calls: string[] } {
  const gates = new Map<number, Promise<void>>()
  const calls: string[] = []
  const call: ServicesCall = async (input) => {
    const start = input.cursor === undefined ? 0 : Number(input.cursor)
    calls.push(String(start))
    await gates.get(start / pageSize)
    const items = all.slice(start, start + pageSize)
    const next = start + pageSize < all.length ? String(start + pageSize) : undefined
    const answer: Envelope<{ items: Service[]; next?: string }> = ok({
      items,
      ...(next !== undefined ? { next } : {}),
    })
    return answer as ServicesAnswer
  }
  return {
    call,
    calls,
    hold: (page) => {
      let release: () => void = () => undefined
      gates.set(page, new Promise<void>((r) => (release = r)))
      return () => release()
    },
  }
}
