import 'fake-indexeddb/auto'
import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { CacheDb, cacheDbName } from '../../../src/renderer/src/db/cache-db'
import { toAlertRow } from '../../../src/renderer/src/db/derive'
import { CACHE_MIGRATIONS, LATEST_CACHE_VERSION } from '../../../src/renderer/src/db/migrations'
import {
  DatabaseNewerError,
  VersionedDatabase,
} from '../../../src/renderer/src/db/versioned-database'

const workspace = (): string => `m-${randomUUID().slice(0, 8)}`
/** A version this app does not know yet. */
const NEXT = LATEST_CACHE_VERSION + 1

describe('cache migrations', () => {
  it('opens version 1 with every table and hot-view index', async () => {
    const db = await new CacheDb(workspace(), 1).openOrExplain()
    expect(db.verno).toBe(1)
    expect(db.tables.map((t) => t.name).sort()).toEqual(
      Object.keys(CACHE_MIGRATIONS[0]?.stores ?? {}).sort(),
    )
    expect(db.alerts.schema.indexes.map((i) => i.name)).toEqual(
      expect.arrayContaining(['alias', 'status', 'tags', '[status+priorityRank+createdMs]']),
    )
    // Each index is paid on every ingest write: nothing a read does not use.
    expect(db.alerts.schema.indexes).toHaveLength(4)
    expect(db.activity.schema.indexes.map((i) => i.name)).toContain('[subjectKind+subjectId+at]')
    db.close()
  })

  it('version 2 adds pendingDeletes and keeps every version-1 row', async () => {
    const id = workspace()
    const v1 = await new CacheDb(id, 1).openOrExplain()
    const row = toAlertRow({
      id: 'a1',
      tinyId: '1',
      alias: 'a1',
      message: 'disk full',
      status: 'open',
      acknowledged: false,
      snoozed: false,
      priority: 'P1',
      tags: [],
      teams: [],
      responders: [],
      count: 1,
      createdAt: '2026-11-27T00:00:00.000Z',
      updatedAt: '2026-11-27T00:00:00.000Z',
    })
    await v1.alerts.put(row)
    await v1.seenEvents.put({ key: 'deleted|a0', at: 1 })
    v1.close()

    const v2 = await new CacheDb(id, 2).openOrExplain()
    expect(v2.verno).toBe(2)
    expect(await v2.alerts.get('a1')).toEqual(row)
    expect(await v2.seenEvents.get('deleted|a0')).toEqual({ key: 'deleted|a0', at: 1 })
    const pending = {
      alertId: 'a1',
      state: 'pending' as const,
      requestedAt: 5,
      attempts: 0,
      nextAttemptAt: 0,
      raw: '{}',
    }
    await v2.pendingDeletes.put(pending)
    expect(await v2.pendingDeletes.get('a1')).toEqual(pending)
    expect(v2.alerts.schema.indexes).toHaveLength(4) // the new fields are not indexed
    v2.close()
  })

  it('version 2 asks the API again about every deletion tombstone version 1 wrote', async () => {
    const id = workspace()
    const v1 = await new CacheDb(id, 1).openOrExplain()
    // Version 1 deleted on the webhook's word alone, so a forged Delete may be behind either.
    await v1.seenEvents.bulkPut([
      { key: 'deleted|a1', at: 100 },
      { key: 'deleted|a2', at: 200 },
    ])
    v1.close()

    const v2 = await new CacheDb(id, 2).openOrExplain()
    expect(await v2.pendingDeletes.toArray()).toEqual([
      expect.objectContaining({ alertId: 'a1', state: 'pending', requestedAt: 100, attempts: 0 }),
      expect.objectContaining({ alertId: 'a2', state: 'pending', requestedAt: 200, attempts: 0 }),
    ])
    // The tombstones stay until the API answers, so late events still cannot revive the alerts.
    expect(await v2.seenEvents.count()).toBe(2)
    v2.close()
  })

  it('refuses a version it does not have', () => {
    expect(() => new CacheDb(workspace(), LATEST_CACHE_VERSION + 1)).not.toThrow()
    expect(() => new CacheDb(workspace(), 0)).toThrow(/no schema version 0/)
  })

  it('explains a database written by a newer app, and leaves its data intact', async () => {
    const id = workspace()
    const future = [
      ...CACHE_MIGRATIONS,
      { version: NEXT, reason: 'a future version', stores: { outbox: '++seq' } },
    ]
    const newer = await new VersionedDatabase(cacheDbName(id), future).openOrExplain()
    await newer.table('settings').put({ key: 'theme', value: 'dark' })
    newer.close()

    const error = await new CacheDb(id).openOrExplain().then(
      () => undefined,
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(DatabaseNewerError)
    expect(error).toMatchObject({ storedVersion: NEXT, appVersion: LATEST_CACHE_VERSION })
    expect((error as Error).message).toMatch(
      new RegExp(
        `newer version of Ondeck \\(schema ${NEXT}, this app knows ${LATEST_CACHE_VERSION}\\).*Nothing was changed or deleted`,
      ),
    )

    const again = await new VersionedDatabase(cacheDbName(id), future).openOrExplain()
    expect(again.verno).toBe(NEXT)
    expect(await again.table('settings').get('theme')).toEqual({ key: 'theme', value: 'dark' })
    again.close()
  })
})
