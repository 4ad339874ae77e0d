import 'fake-indexeddb/auto'
import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { CacheDb, cacheDbName } from '../../../src/renderer/src/db/cache-db'
import { CACHE_MIGRATIONS, LATEST_CACHE_VERSION } from '../../../src/renderer/src/db/migrations'
import {
  DatabaseNewerError,
  VersionedDatabase,
} from '../../../src/renderer/src/db/versioned-database'

const workspace = (): string => `m-${randomUUID().slice(0, 8)}`

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

  it('refuses a version it does not have', () => {
    expect(() => new CacheDb(workspace(), LATEST_CACHE_VERSION + 1)).not.toThrow()
    expect(() => new CacheDb(workspace(), 0)).toThrow(/no schema version 0/)
  })

  it('explains a database written by a newer app, and leaves its data intact', async () => {
    const id = workspace()
    const future = [
      ...CACHE_MIGRATIONS,
      { version: 2, reason: 'a future version', stores: { outbox: '++seq' } },
    ]
    const newer = await new VersionedDatabase(cacheDbName(id), future).openOrExplain()
    await newer.table('settings').put({ key: 'theme', value: 'dark' })
    newer.close()

    const error = await new CacheDb(id).openOrExplain().then(
      () => undefined,
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(DatabaseNewerError)
    expect(error).toMatchObject({ storedVersion: 2, appVersion: LATEST_CACHE_VERSION })
    expect((error as Error).message).toMatch(
      /newer version of Ondeck \(schema 2, this app knows 1\).*Nothing was changed or deleted/,
    )

    const again = await new VersionedDatabase(cacheDbName(id), future).openOrExplain()
    expect(again.verno).toBe(2)
    expect(await again.table('settings').get('theme')).toEqual({ key: 'theme', value: 'dark' })
    again.close()
  })
})
