import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { NewEvent } from '../../../src/relay/store/event-store.js'
import { openSqliteEventStore } from '../../../src/relay/store/sqlite-store.js'

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})
const freshDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'ondeck-store-'))
  dirs.push(dir)
  return dir
}
const event = (n: number, receivedAt = 1000, dedupKey = `k${n}`): NewEvent => ({
  receivedAt,
  action: 'Create',
  alertId: `a${n}`,
  dedupKey,
  payload: `{"n":${n}}`,
})

describe('SQLite EventStore', () => {
  it('assigns increasing ids in input order, marks repeats, and reads after a cursor', async () => {
    const store = openSqliteEventStore(freshDir())
    const stored = await store.append([event(1), event(2), event(3, 1000, 'k1')])
    expect(stored.map((s) => [s.id, s.repeat])).toEqual([
      [1, false],
      [2, false],
      [3, true],
    ])
    expect((await store.readAfter(1, 10)).map((e) => e.payload)).toEqual(['{"n":2}', '{"n":3}'])
    expect(await store.readAfter(0, 1)).toHaveLength(1)
    await store.close()
  })

  it('never reuses an id, across pruning everything and reopening', async () => {
    const dir = freshDir()
    const store = openSqliteEventStore(dir)
    await store.append([event(1, 1000), event(2, 2000), event(3, 9000)])
    expect(await store.pruneBefore(5000)).toBe(2)
    expect(await store.window()).toEqual({
      latestId: 3,
      prunedThroughId: 2,
      oldestReceivedAt: 9000,
    })
    expect(await store.pruneBefore(10_000)).toBe(1)
    expect(await store.window()).toEqual({
      latestId: 3,
      prunedThroughId: 3,
      oldestReceivedAt: undefined,
    })
    await store.close()

    const reopened = openSqliteEventStore(dir)
    const [next] = await reopened.append([event(4)])
    expect(next?.id).toBe(4)
    expect((await reopened.window()).prunedThroughId).toBe(3)
    await reopened.close()
  })

  it('keeps the database in WAL mode (synchronous is per connection, set in openSqliteEventStore)', async () => {
    const { default: Database } = await import('better-sqlite3')
    const dir = freshDir()
    const store = openSqliteEventStore(dir)
    const db = new Database(join(dir, 'events.sqlite'), { readonly: true })
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    db.close()
    await store.close()
  })
})
