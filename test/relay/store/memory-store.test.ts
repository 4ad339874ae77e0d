import { describe, expect, it } from 'vitest'
import {
  createMemoryEventStore,
  createMemoryTokenStore,
} from '../../../src/relay/store/memory-store.js'
import type { NewEvent } from '../../../src/relay/store/event-store.js'

const event = (
  n: number,
  dedupKey = `alert-${n}|Create|${n}`,
  payload = 'x'.repeat(100),
): NewEvent => ({
  receivedAt: 1_000 * n,
  action: 'Create',
  alertId: `alert-${n}`,
  dedupKey,
  payload,
})

describe('the in-memory event store (the Demo workspace relay)', () => {
  it('gives increasing ids, marks repeats of a retained dedup key, and reads after a cursor', async () => {
    const store = createMemoryEventStore()
    const stored = await store.append([event(1), event(2), event(3, 'alert-1|Create|1')])
    expect(stored.map((e) => [e.id, e.repeat])).toEqual([
      [1, false],
      [2, false],
      [3, true],
    ])
    expect((await store.readAfter(1, 10)).map((e) => e.id)).toEqual([2, 3])
    expect((await store.readAfter(0, 2)).map((e) => e.id)).toEqual([1, 2])
    expect(await store.readAfter(3, 10)).toEqual([])
  })

  it('prunes by age and by size, oldest first, never reusing an id', async () => {
    const store = createMemoryEventStore()
    await store.append([1, 2, 3, 4, 5].map((n) => event(n)))
    expect(await store.prune({ before: 2_500 })).toBe(2)
    expect(await store.window()).toEqual({
      latestId: 5,
      prunedThroughId: 2,
      oldestReceivedAt: 3_000,
    })
    const oneEvent = (await store.size()) / 3
    expect(await store.prune({ before: 0, maxBytes: oneEvent + 1 })).toBe(2)
    expect((await store.readAfter(0, 10)).map((e) => e.id)).toEqual([5])
    const [next] = await store.append([event(6)])
    expect(next?.id).toBe(6)
    expect((await store.window()).prunedThroughId).toBe(4)
  })

  it('forgets a pruned dedup key: a later delivery is no longer a repeat', async () => {
    const store = createMemoryEventStore()
    await store.append([event(1)])
    await store.prune({ before: 5_000 })
    const [again] = await store.append([event(7, 'alert-1|Create|1')])
    expect(again?.repeat).toBe(false)
  })
})

describe('the in-memory token store', () => {
  it('verifies created tokens, refuses revoked ones and bumps the revision on each change', () => {
    const tokens = createMemoryTokenStore(() => Date.UTC(2026, 0, 2))
    const r0 = tokens.revision()
    const token = tokens.create('demo-desktop')
    expect(token).toMatch(/^odr_[\w-]{43}$/)
    expect(tokens.verify(token)).toBe('demo-desktop')
    expect(tokens.verify(`${token}x`)).toBeUndefined()
    expect(tokens.list()).toEqual([{ name: 'demo-desktop', createdAt: '2026-01-02T00:00:00.000Z' }])
    expect(() => tokens.create('demo-desktop')).toThrow(/already exists/)
    expect(() => tokens.create('no spaces')).toThrow(/invalid device name/)
    const r1 = tokens.revision()
    expect(r1).toBeGreaterThan(r0 as number)
    expect(tokens.revoke('demo-desktop')).toBe(true)
    expect(tokens.verify(token)).toBeUndefined()
    expect(tokens.revision()).toBeGreaterThan(r1 as number)
    expect(tokens.revoke('demo-desktop')).toBe(false)
  })
})
