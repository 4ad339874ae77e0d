import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { CacheDb } from '../../../src/renderer/src/db/cache-db'
import { readTimeline, readTopAlerts, withFresher } from '../../../src/renderer/src/db/alert-reads'
import type { AlertRow } from '../../../src/renderer/src/db/rows'
import { activityRow, alertRow, freshWorkspaceId } from '../app/support/fixtures'

describe('alert reads', () => {
  it('answers the most urgent open alerts first, newest first within a priority', async () => {
    const db = await new CacheDb(freshWorkspaceId()).openOrExplain()
    await db.alerts.bulkPut(
      Array.from({ length: 50 }, (_, n) => alertRow(n, n === 3 ? { status: 'closed' } : {})),
    )
    const top = await readTopAlerts(db, 'open', 12)
    expect(top.map((r) => r.id)).toEqual([
      ...[45, 40, 35, 30, 25, 20, 15, 10, 5, 0].map((n) => `alert-${n}`),
      'alert-46',
      'alert-41',
    ])
    expect((await readTopAlerts(db, 'closed', 5)).map((r) => r.id)).toEqual(['alert-3'])
    db.close()
  })

  it('orders a timeline by nanosecond time, not by text', async () => {
    const db = await new CacheDb(freshWorkspaceId()).openOrExplain()
    await db.activity.bulkPut([
      activityRow('a1', 1, { at: '1700000000000000001' }),
      activityRow('a1', 2, { at: '999999999999999999' }),
      activityRow('a1', 3, { at: '1700000000000000000' }),
      activityRow('other', 4, { at: '1' }),
    ])
    expect((await readTimeline(db, 'alert', 'a1')).map((r) => r.id)).toEqual([
      'a1-act-2',
      'a1-act-3',
      'a1-act-1',
    ])
    db.close()
  })
})

describe('the full set with the live preview laid over it', () => {
  const row = (id: string, versionNs: string): AlertRow =>
    ({ ...alertRow(Number(id.slice(1)) || 1), id, versionNs }) as AlertRow
  const positionsOf = (all: AlertRow[]) => new Map(all.map((r, i) => [r.id, i]))

  it('keeps an urgent row the set, read before it was written, does not have yet', () => {
    const all = [row('a2', '1')]
    const merged = withFresher(all, positionsOf(all), [row('a1', '5'), row('a2', '1')])
    expect(merged.map((r) => r.id)).toEqual(['a2', 'a1'])
    expect(all).toHaveLength(1)
  })
  it("replaces the set's copy with the preview's newer version", () => {
    const all = [row('a1', '1'), row('a2', '1')]
    const merged = withFresher(all, positionsOf(all), [row('a2', '9')])
    expect(merged.find((r) => r.id === 'a2')?.versionNs).toBe('9')
  })
  it('answers the set itself, same identity, when it is current', () => {
    const all = [row('a1', '1'), row('a2', '1')]
    expect(withFresher(all, positionsOf(all), [row('a1', '1')])).toBe(all)
    expect(withFresher(all, positionsOf(all), undefined)).toBe(all)
  })
})
