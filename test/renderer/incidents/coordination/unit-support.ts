import 'fake-indexeddb/auto'
import { randomUUID } from 'node:crypto'
import type { Alert } from '../../../../src/shared/domain'
import { toAlertRow } from '../../../../src/renderer/src/db/derive'
import type { CacheDb } from '../../../../src/renderer/src/db/cache-db'
import { ok } from '../../../../src/shared/ipc/envelope'
import { createOutboxEngine } from '../../../../src/renderer/src/outbox/engine'
import type { OutboxPort } from '../../../../src/renderer/src/outbox/port'
import type { OutboxDb } from '../../../../src/renderer/src/outbox/outbox-db'
import {
  createCoordination,
  type Coordination,
} from '../../../../src/renderer/src/incidents/coordination/coordination'
import type { CoordinationPort } from '../../../../src/renderer/src/incidents/coordination/context'
import type { AlertChange } from '../../../../src/renderer/src/sync'
import type { CoordinationDb } from '../../../../src/renderer/src/incidents/coordination/coordination-db'
import { freshDb } from '../../outbox/support'
import { freshCoordinationDb } from './support'

const unreachable = (): never => {
  throw new Error('this test reads nothing from main')
}

/**
 * Reads from main are not part of these tests unless one passes them: a directory read fails
 * loudly; a live alert read finds nothing (as for a page still queued); incident reads fail.
 */
const NO_MAIN: CoordinationPort = {
  directory: { onCalls: unreachable, schedules: unreachable, services: unreachable },
  alerts: { get: async () => ok(null) },
  incidents: { get: unreachable, list: unreachable },
}

export interface Local {
  coordination: Coordination
  db: CoordinationDb
  outboxDb: OutboxDb
  /** Kinds of the commands queued so far, in order. */
  queued(): Promise<string[]>
}

/**
 * Coordination over a real outbox engine that is never started: commands are durably queued
 * and can be inspected, nothing is sent.
 */
export async function localCoordination(
  options: { port?: Partial<CoordinationPort>; cache?: CacheDb } = {},
): Promise<Local> {
  const outboxDb = await freshDb()
  const workspaceId = `ws-${randomUUID().slice(0, 8)}`
  const outbox = createOutboxEngine({ db: outboxDb, port: {} as OutboxPort, workspaceId })
  const db = await freshCoordinationDb()
  const coordination = createCoordination({
    db,
    outbox,
    port: { ...NO_MAIN, ...options.port },
    ...(options.cache !== undefined ? { cache: options.cache } : {}),
    workspaceId,
  })
  await coordination.connect()
  return {
    coordination,
    db,
    outboxDb,
    queued: async () => (await outboxDb.commands.orderBy('seq').toArray()).map((c) => c.kind),
  }
}

/** An ingest change for an alert, as `applyBatch` reports it. */
export function created(alias: string, overrides: Partial<Alert> = {}): AlertChange {
  const now = new Date().toISOString()
  const alert: Alert = {
    id: `alert-${alias}`,
    tinyId: '1',
    alias,
    message: `alert ${alias}`,
    status: 'open',
    acknowledged: false,
    snoozed: false,
    priority: 'P1',
    tags: [],
    teams: [],
    responders: [],
    count: 1,
    createdAt: now,
    updatedAt: now,
    ...overrides,
  }
  return { kind: 'created', alert: toAlertRow(alert), live: true }
}
