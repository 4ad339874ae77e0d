import { afterEach, describe, expect, it } from 'vitest'
import { createCoordination } from '../../../../src/renderer/src/incidents/coordination/coordination'
import type { CoordinationPort } from '../../../../src/renderer/src/incidents/coordination/context'
import type { ServicesImportProgress } from '../../../../src/renderer/src/incidents/coordination/records'
import { startScenario, type Scenario } from './support'

describe('services import through a throttled simulator', () => {
  let s: Scenario
  afterEach(async () => s.close())

  it('imports 1,000 services without a duplicate, resumes after an interruption, reruns cleanly', async () => {
    // Three configuration requests a second, where the gateway assumes Opsgenie's far larger
    // budget: the import's pages run into 429s the gateway must wait out.
    const statuses: number[] = []
    s = await startScenario({
      rateLimits: { configuration: { perMinute: 1_000, perSecond: 3 } },
      onExchange: (e) => {
        if (e.path === '/v1/services') statuses.push(e.status)
      },
    })
    for (let i = 0; i < 1_000; i += 1) {
      const n = String(i).padStart(4, '0')
      s.rig.sim.state.services.push({
        id: `svc-${n}`,
        name: `Service ${n}`,
        description: '',
        teamId: 't-ops',
        tags: [],
      })
    }
    const cursors: (string | undefined)[] = []
    const port: CoordinationPort = {
      ...s.api,
      directory: {
        ...s.api.directory,
        services: (input) => {
          cursors.push(input.cursor)
          return s.api.directory.services(input)
        },
      },
    }
    const c = createCoordination({
      db: s.db,
      outbox: s.engine,
      port,
      workspaceId: s.rig.workspaceId,
    })
    const stop = new AbortController()
    const seen: ServicesImportProgress[] = []
    const first = await c.importServices({
      signal: stop.signal,
      retryDelayMs: 100,
      onProgress: (p) => {
        seen.push(p)
        if (p.done >= 300) stop.abort()
      },
    })
    expect(first).toMatchObject({ state: 'interrupted', done: 300 })
    expect(await c.servicesImportProgress()).toMatchObject({ state: 'interrupted', done: 300 })
    expect(await s.db.services.count()).toBe(300)
    expect(seen.map((p) => p.done)).toEqual([0, 100, 200, 300])
    expect(seen.every((p) => p.done <= p.totalKnown)).toBe(true)

    const firstRunCalls = cursors.length
    const second = await c.importServices({ retryDelayMs: 100 })
    expect(second).toMatchObject({ state: 'done', done: 1_000, totalKnown: 1_000 })
    expect(cursors[firstRunCalls]).toBeDefined() // resumed from the stored cursor, not page one
    const ids = (await c.services()).map((x) => x.id)
    expect(ids).toHaveLength(1_000)
    expect(new Set(ids).size).toBe(1_000)

    const third = await c.importServices({ retryDelayMs: 100 })
    expect(third).toMatchObject({ state: 'done', done: 1_000 })
    expect(await s.db.services.count()).toBe(1_000)
    expect(statuses.filter((st) => st === 200)).toHaveLength(cursors.length)
    expect(statuses).toContain(429)
  }, 60_000)
})
