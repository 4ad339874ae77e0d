import 'fake-indexeddb/auto'
import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { OUTBOX_MIGRATIONS, OutboxDb } from '../../../src/renderer/src/outbox/outbox-db'
import { DatabaseNewerError } from '../../../src/renderer/src/db/versioned-database'

describe('OutboxDb', () => {
  it('opens version 1 with strict durability and both tables', async () => {
    const db = await new OutboxDb(`o-${randomUUID()}`).openOrExplain()
    expect(db.verno).toBe(1)
    expect(db.tables.map((t) => t.name).sort()).toEqual(
      Object.keys(OUTBOX_MIGRATIONS[0]?.stores ?? {}).sort(),
    )
    expect(
      (db as unknown as { _options: { chromeTransactionDurability: string } })._options
        .chromeTransactionDurability,
    ).toBe('strict')
    db.close()
  })
  it('explains a database written by a newer Ondeck instead of opening it', async () => {
    const name = `o-${randomUUID()}`
    const { VersionedDatabase } = await import('../../../src/renderer/src/db/versioned-database')
    const newer = new VersionedDatabase(name, [
      ...OUTBOX_MIGRATIONS,
      { version: 2, reason: 'future', stores: { extra: 'id' } },
    ])
    await newer.open()
    newer.close()
    await expect(new OutboxDb(name).openOrExplain()).rejects.toBeInstanceOf(DatabaseNewerError)
  })
})
