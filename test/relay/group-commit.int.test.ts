import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createGroupCommit } from '../../src/relay/group-commit.js'
import type { EventStore, NewEvent, StoredEvent } from '../../src/relay/store/event-store.js'
import { openSqliteEventStore } from '../../src/relay/store/sqlite-store.js'

const event = (n: number): NewEvent => ({
  receivedAt: n,
  action: 'Create',
  alertId: `a${n}`,
  dedupKey: `k${n}`,
  payload: '{}',
})

describe('group commit', () => {
  it('puts webhooks that arrive together into one transaction and answers each with its id', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ondeck-gc-'))
    const sqlite = openSqliteEventStore(dir)
    const batches: number[] = []
    const store: EventStore = {
      ...sqlite,
      append: (events) => (batches.push(events.length), sqlite.append(events)),
    }
    const published: number[] = []
    const commits = createGroupCommit(store, (events) => published.push(...events.map((e) => e.id)))
    const first = await Promise.all(Array.from({ length: 100 }, (_, i) => commits.submit(event(i))))
    expect(first.map((s) => s.id)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1))
    expect(batches).toEqual([100])
    expect(published).toHaveLength(100)
    await sqlite.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('does not answer before the store says the batch is durable, and fails the batch if it cannot be', async () => {
    let release: (value: StoredEvent[]) => void = () => undefined
    let fail: (error: Error) => void = () => undefined
    const store = {
      append: (events: readonly NewEvent[]) =>
        new Promise<StoredEvent[]>((resolve, reject) => {
          release = () => resolve(events.map((e, i) => ({ ...e, id: i + 1, repeat: false })))
          fail = reject
        }),
    } as unknown as EventStore
    const commits = createGroupCommit(store, () => undefined)
    let answered = false
    const pending = commits.submit(event(1)).then(() => (answered = true))
    await new Promise((r) => setImmediate(r))
    await new Promise((r) => setImmediate(r))
    expect(answered).toBe(false)
    release([])
    await pending
    expect(answered).toBe(true)

    const doomed = commits.submit(event(2))
    await new Promise((r) => setImmediate(r))
    fail(new Error('disk full'))
    await expect(doomed).rejects.toThrow('disk full')
    await commits.drain()
  })
})
