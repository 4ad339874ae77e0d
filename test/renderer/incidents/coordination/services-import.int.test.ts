import { afterEach, describe, expect, it } from 'vitest'
import { createCoordination } from '../../../../src/renderer/src/incidents/coordination/coordination'
import type { CoordinationPort } from '../../../../src/renderer/src/incidents/coordination/context'
import type { ServicesImportProgress } from '../../../../src/renderer/src/incidents/coordination/records'
import { startScenario, type Scenario } from './support'

describe('services import through a throttled simulator', () => {
  let s: Scenario
  afterEach(async () => s.close())

  it('imports 1,000 services without a duplicate, resumes after an interruption, reruns cleanly', async () => {
    // Three configuration requests a second, where the gateway assumes twenty (as if the
    // account's limits could not be read on connect): the import's pages run into 429s the
    // gateway must wait out.
    const statuses: number[] = []
    s = await startScenario({
      rateLimits: { configuration: { perMinute: 1_000, perSecond: 3 } },
      // The import's page reads only: the key check made on connect also reads /v1/services
      // (limit 1), and whether that probe meets a 429 or a 200 depends on timing.
      onExchange: (e) => {
        if (e.path === '/v1/services' && e.query['offset'] !== undefined) statuses.push(e.status)
      },
    })
    s.rig.gateway.workspaces
      .get(s.rig.workspaceId)
      .governor.setBudgets({ configuration: { perMinute: 1_000, perSecond: 20 } })
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
    let pagesRead = 0
    const port: CoordinationPort = {
      ...s.api,
      directory: {
        ...s.api.directory,
        services: async (input) => {
          cursors.push(input.cursor)
          const answer = await s.api.directory.services(input)
          if (answer.ok) pagesRead += 1
          return answer
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
    // every page Opsgenie served was used: none read twice, none read and dropped
    expect(statuses.filter((st) => st === 200)).toHaveLength(pagesRead)
    expect(statuses).toContain(429)
  }, 60_000)
})
