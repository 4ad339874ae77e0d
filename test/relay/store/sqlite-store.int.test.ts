import Database from 'better-sqlite3'
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs'
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
    expect(await store.prune({ before: 5000 })).toBe(2)
    expect(await store.window()).toEqual({
      latestId: 3,
      prunedThroughId: 2,
      oldestReceivedAt: 9000,
    })
    expect(await store.prune({ before: 10_000 })).toBe(1)
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
    const dir = freshDir()
    const store = openSqliteEventStore(dir)
    const db = new Database(join(dir, 'events.sqlite'), { readonly: true })
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    db.close()
    await store.close()
  })
})

/** The database and its WAL together: before a checkpoint, new pages live in the WAL. */
const onDisk = (dir: string): number =>
  ['events.sqlite', 'events.sqlite-wal']
    .map((f) => join(dir, f))
    .filter(existsSync)
    .reduce((sum, f) => sum + statSync(f).size, 0)
const big = (n: number, receivedAt: number, bytes: number): NewEvent => ({
  ...event(n, receivedAt),
  payload: JSON.stringify({ n, pad: 'x'.repeat(bytes) }),
})

describe('SQLite EventStore retention', () => {
  it('gives the space back: the files shrink after a retention pass', async () => {
    const dir = freshDir()
    const store = openSqliteEventStore(dir)
    for (let batch = 0; batch < 20; batch++) {
      await store.append(Array.from({ length: 100 }, (_, i) => big(batch * 100 + i, 1000, 4000)))
    }
    const before = onDisk(dir)
    expect(before).toBeGreaterThan(8_000_000)
    await store.append([big(9999, 9000, 10)])
    expect(await store.prune({ before: 5000 })).toBe(2000)
    const after = onDisk(dir)
    expect(after).toBeLessThan(before / 10)
    expect((await store.readAfter(0, 10)).map((e) => e.id)).toEqual([2001])
    await store.close()
  })

  it('caps the size: the oldest events go until the store holds at most maxBytes', async () => {
    const store = openSqliteEventStore(freshDir())
    for (let batch = 0; batch < 10; batch++) {
      await store.append(Array.from({ length: 100 }, (_, i) => big(batch * 100 + i, 1000, 4000)))
    }
    const full = await store.size()
    expect(full).toBeGreaterThan(4_000_000)
    const maxBytes = 1_000_000
    const removed = await store.prune({ before: 0, maxBytes })
    expect(removed).toBeGreaterThan(700)
    expect(await store.size()).toBeLessThanOrEqual(maxBytes)
    const window = await store.window()
    expect(window).toMatchObject({ latestId: 1000, prunedThroughId: removed })
    const kept = await store.readAfter(0, 1000)
    expect(kept).toHaveLength(1000 - removed)
    expect(kept.at(-1)?.id).toBe(1000) // the newest stay
    // Under the cap, nothing goes.
    expect(await store.prune({ before: 0, maxBytes })).toBe(0)
    await store.close()
  })

  it('switches a database made by an older relay to incremental vacuum, keeping its events', async () => {
    const dir = freshDir()
    const first = openSqliteEventStore(dir)
    await first.append([event(1), event(2)])
    await first.close()
    const legacy = new Database(join(dir, 'events.sqlite'))
    legacy.pragma('auto_vacuum = NONE')
    legacy.exec('VACUUM')
    expect(legacy.pragma('auto_vacuum', { simple: true })).toBe(0)
    legacy.close()

    const store = openSqliteEventStore(dir)
    expect((await store.readAfter(0, 10)).map((e) => e.id)).toEqual([1, 2])
    await store.close()
    const check = new Database(join(dir, 'events.sqlite'), { readonly: true })
    expect(check.pragma('auto_vacuum', { simple: true })).toBe(2) // INCREMENTAL
    check.close()
  })
})
