import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { CacheDb } from '../../../src/renderer/src/db/cache-db'
import { afterFirstScreen, firstScreenShown } from '../../../src/renderer/src/db/first-screen'

const settled = async (p: Promise<void>, ms: number): Promise<boolean> =>
  Promise.race([p.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), ms))])

describe('whole-cache reads wait for the list’s first screen', () => {
  it('go once the list showed it, not before', async () => {
    const db = new CacheDb('first-screen-a')
    const waiting = afterFirstScreen(db, 60_000)
    expect(await settled(waiting, 50)).toBe(false)
    firstScreenShown(db)
    expect(await settled(waiting, 50)).toBe(true)
    // later readers of the same cache do not wait again
    expect(await settled(afterFirstScreen(db, 60_000), 50)).toBe(true)
    // another workspace's cache has its own
    expect(await settled(afterFirstScreen(new CacheDb('first-screen-b'), 60_000), 50)).toBe(false)
  })

  it('go after the wait when no list reads the cache', async () => {
    const started = performance.now()
    const db = new CacheDb('first-screen-c')
    await afterFirstScreen(db, 100)
    expect(performance.now() - started).toBeGreaterThanOrEqual(95)
    // once is enough: a later reader (the tray's next count) does not wait again
    expect(await settled(afterFirstScreen(db, 60_000), 50)).toBe(true)
  })
})
