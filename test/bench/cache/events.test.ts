import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { createEvents } from '../../../bench/cache/events'
import { readTopAlerts } from '../../../src/renderer/src/db/alert-reads'
import { createIngest } from '../../../src/renderer/src/sync'
import { freshDb } from '../../renderer/sync/support'

/** The cache benchmark must time the real ingest path, not the diagnostics path. */
describe('cache bench events', () => {
  it('are relay Create events the real ingest applies, one alert each', async () => {
    const db = await freshDb()
    const events = createEvents('w', 500)
    const result = await createIngest(db).applyBatch(events)
    expect(result).toMatchObject({ applied: 500, diagnostics: 0 })
    expect(await db.alerts.count()).toBe(500)
    expect(await db.diagnostics.count()).toBe(0)
    expect(await db.cursors.get('relay')).toMatchObject({ cursor: 'relay:500' })
  })

  it('spread priorities so the priority query has work to do, newest first', async () => {
    const db = await freshDb()
    await createIngest(db).applyBatch(createEvents('w', 100))
    const top = await readTopAlerts(db, 'open', 100)
    const counts = new Map<string, number>()
    for (const row of top) counts.set(row.priority, (counts.get(row.priority) ?? 0) + 1)
    expect(Object.fromEntries(counts)).toEqual({ P1: 10, P2: 20, P3: 40, P4: 20, P5: 10 })
    expect(top[0]?.createdMs).toBeGreaterThan(top[1]?.createdMs ?? Infinity)
  })

  it('keep the nanosecond updatedAt exactly', async () => {
    const db = await freshDb()
    await createIngest(db).applyBatch(createEvents('w', 1, 7))
    const [row] = await db.alerts.toArray()
    expect(row?.versionNs).toMatch(/000007$/)
  })

  it('re-applying the same events changes nothing (as a repeated bench run would)', async () => {
    const db = await freshDb()
    const events = createEvents('w', 50)
    await createIngest(db).applyBatch(events)
    const again = await createIngest(db).applyBatch(events)
    expect(again.changes).toHaveLength(0)
    expect(await db.alerts.count()).toBe(50)
  })
})
