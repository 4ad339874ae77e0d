import 'fake-indexeddb/auto'
import { randomUUID } from 'node:crypto'
import { createOutboxEngine, type OutboxEngine } from '../../../../src/renderer/src/outbox/engine'
import type { OutboxDb } from '../../../../src/renderer/src/outbox/outbox-db'
import { CoordinationDb } from '../../../../src/renderer/src/incidents/coordination/coordination-db'
import { CacheDb } from '../../../../src/renderer/src/db/cache-db'
import {
  createCoordination,
  type Coordination,
} from '../../../../src/renderer/src/incidents/coordination/coordination'
import type { SimulatorState } from '../../../../src/simulator/index'
import { buildOndeckApi, type OndeckApi } from '../../../../src/shared/ipc/api'
import { freshDb, startRig, until, type Rig } from '../../outbox/support'

export { until }

/** Fast follow-ups: the simulator processes at once, so replay need not wait long. */
const SETTINGS = {
  followIntervalMs: 20,
  reconcileAfterMs: 200,
  backoffBaseMs: 20,
  backoffCapMs: 200,
}

export interface Scenario {
  rig: Rig
  /** The whole typed IPC API over the rig's gateway (the outbox port is a part of it). */
  api: OndeckApi
  outboxDb: OutboxDb
  engine: OutboxEngine
  db: CoordinationDb
  /** The workspace's cache, handed to coordination (its directory resolves responder names). */
  cache: CacheDb
  coordination: Coordination
  close(): Promise<void>
}

export async function freshCoordinationDb(): Promise<CoordinationDb> {
  return new CoordinationDb(`coordination-test-${randomUUID()}`).openOrExplain()
}

/**
 * A team, users and two schedules whose single rotation started an hour ago with `alice` /
 * `sam` on call, so `directory:onCalls` has a definite answer.
 */
export function seedDirectory(state: SimulatorState): void {
  const start = Date.now() - 3_600_000
  state.users.push(
    {
      id: 'u-alice',
      username: 'alice@example.com',
      fullName: 'Alice',
      role: 'User',
      timeZone: 'UTC',
      createdAt: start,
    },
    {
      id: 'u-sam',
      username: 'sam@example.com',
      fullName: 'Sam',
      role: 'User',
      timeZone: 'UTC',
      createdAt: start,
    },
  )
  state.teams.push(
    { id: 't-ops', name: 'Ops', description: '', memberIds: ['u-alice'] },
    { id: 't-sec', name: 'SecTeam', description: '', memberIds: ['u-sam'] },
  )
  const rotation = (id: string, user: string) => ({
    id,
    name: id,
    startDate: start,
    type: 'weekly' as const,
    length: 1,
    participantIds: [user],
  })
  state.schedules.push(
    {
      id: 's-infra',
      name: 'Infrastructure',
      description: '',
      timezone: 'UTC',
      enabled: true,
      ownerTeamId: 't-ops',
      rotations: [rotation('r1', 'u-alice')],
    },
    {
      id: 's-sec',
      name: 'Security',
      description: '',
      timezone: 'UTC',
      enabled: true,
      ownerTeamId: 't-sec',
      rotations: [rotation('r2', 'u-sam')],
    },
  )
}

/** Real simulator, real gateway, real outbox engine replaying through it, and coordination on top. */
export async function startScenario(
  rigOptions: Parameters<typeof startRig>[0] = {},
): Promise<Scenario> {
  const rig = await startRig(rigOptions)
  const api = buildOndeckApi({
    invoke: (channel, input) =>
      rig.gateway.router.dispatch(channel, input, { url: 'app://ondeck' }),
    subscribe: () => () => undefined,
  })
  seedDirectory(rig.sim.state)
  const outboxDb = await freshDb()
  const engine = createOutboxEngine({
    db: outboxDb,
    port: rig.port,
    workspaceId: rig.workspaceId,
    settings: SETTINGS,
  })
  await engine.start()
  const db = await freshCoordinationDb()
  const cache = await new CacheDb(`cache-test-${randomUUID()}`).openOrExplain()
  const coordination = createCoordination({
    db,
    outbox: engine,
    port: api,
    cache,
    workspaceId: rig.workspaceId,
  })
  await coordination.connect()
  return {
    rig,
    api,
    outboxDb,
    engine,
    db,
    cache,
    coordination,
    close: async () => {
      engine.stop()
      db.close()
      cache.close()
      outboxDb.close()
      await rig.close()
    },
  }
}

/** Waits until every command the outbox holds for the workspace has finished. */
export async function drained(s: Scenario): Promise<void> {
  await until('outbox drained', async () => {
    const rows = await s.outboxDb.commands.toArray()
    return rows.every((r) => r.state === 'confirmed' || r.state === 'failed')
  })
  const failed = (await s.outboxDb.commands.toArray()).filter((r) => r.state === 'failed')
  if (failed.length > 0)
    throw new Error(
      `outbox commands failed: ${failed.map((f) => `${f.kind} ${f.failure?.message ?? ''}`).join('; ')}`,
    )
}
