import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { readTopAlerts } from '../../../src/renderer/src/db/alert-reads'
import { createIngest } from '../../../src/renderer/src/sync'
import {
  BatchScan,
  planBatch,
  PRIORITY_FIRST_MIN_EVENTS,
} from '../../../src/renderer/src/sync/priority-first'
import { freshDb, relayEvent, webhook } from './support'

const PRIORITIES = ['P3', 'P5', 'P1', 'P4', 'P2'] as const

/** `count` Creates, oldest first, priorities cycling; alert `a<i>` was created at second i. */
function creates(count: number): ReturnType<typeof relayEvent>[] {
  return Array.from({ length: count }, (_, i) =>
    relayEvent(
      webhook('Create', `a${i}`, `${1700000000000000000n + BigInt(i) * 1_000_000_000n}`, {
        priority: PRIORITIES[i % PRIORITIES.length],
        createdAt: 1_700_000_000_000 + i * 1000,
      }),
    ),
  )
}

describe('a large batch lands its most urgent open alerts first', () => {
  it('lifts the newest P1s ahead of arrival order and keeps the rest in order', () => {
    const events = creates(PRIORITY_FIRST_MIN_EVENTS)
    const plan = planBatch(events, 10)
    const lifted = plan.first.map((e) =>
      e.payload.kind === 'alert-event' ? e.payload.alertId : '',
    )
    // P1 is every fifth alert from a2: the ten newest are a997, a992, ... in arrival order.
    expect(lifted).toEqual(
      Array.from({ length: 10 }, (_, i) => `a${PRIORITY_FIRST_MIN_EVENTS - 3 - (9 - i) * 5}`),
    )
    expect(plan.rest).toHaveLength(events.length - 10)
    expect(plan.rest.map((e) => e.cursor)).toEqual(
      events.filter((e) => !plan.first.includes(e)).map((e) => e.cursor),
    )
  })

  it('fills past the P1s with the newest P2s when there are fewer P1s than places', () => {
    const events = creates(PRIORITY_FIRST_MIN_EVENTS)
    const lifted = planBatch(events, 250).first.map((e) =>
      e.payload.kind === 'alert-event' ? Number(e.payload.alertId.slice(1)) : -1,
    )
    // 200 P1s (i % 5 === 2), then the 50 newest P2s (i % 5 === 4): a999, a994, ... a754.
    expect(lifted.filter((i) => i % 5 === 2)).toHaveLength(200)
    expect(lifted.filter((i) => i % 5 === 4)).toEqual(
      Array.from({ length: 50 }, (_, k) => 754 + 5 * k),
    )
    expect(lifted).toHaveLength(250)
  })

  it('plans the same from a batch scanned slice by slice as it arrived', () => {
    const events = creates(PRIORITY_FIRST_MIN_EVENTS + 7)
    // A snapshot part-way: what comes after it must not be lifted, whichever slice it is in.
    const [head] = events
    if (head === undefined) throw new Error('no events')
    events.splice(640, 0, {
      ...head,
      payload: { kind: 'open-alerts', reconcileId: 'r1', startedAt: 0, alertIds: [] },
    })
    const scan = new BatchScan()
    for (let i = 0; i < events.length; i += 97) scan.add(events.slice(i, i + 97))
    for (const count of [10, 150, 400])
      expect(scan.plan(events, count)).toEqual(planBatch(events, count))
    expect(scan.plan(events, 400).first.length).toBeGreaterThan(0)
  })

  it('leaves small batches, closed alerts and alerts touched after a snapshot in place', () => {
    expect(planBatch(creates(10), 5).first).toEqual([])
    const events = creates(PRIORITY_FIRST_MIN_EVENTS)
    const newestP1 = `a${PRIORITY_FIRST_MIN_EVENTS - 3}`
    const close = relayEvent(webhook('Close', newestP1, '1800000000000000000'))
    const plan = planBatch([...events, close], 3)
    expect(
      plan.first.some((e) => e.payload.kind === 'alert-event' && e.payload.alertId === newestP1),
    ).toBe(false)
  })

  it('paints the top alerts after the first chunk, and moves the cursor only at the end', async () => {
    const db = await freshDb()
    const events = creates(1200)
    const seen: { top: string[]; cursor?: string }[] = []
    await createIngest(db, { chunkSize: 100 }).applyBatch(events, {
      onChunk: () => undefined,
    })
    const db2 = await freshDb()
    const ingest = createIngest(db2, { chunkSize: 100 })
    let chunks = 0
    const running = ingest.applyBatch(events, {
      onChunk: () => {
        chunks += 1
        if (chunks === 1)
          void Promise.all([readTopAlerts(db2, 'open', 100), db2.cursors.get('relay')]).then(
            ([top, cursor]) =>
              seen.push({
                top: top.map((r) => r.id),
                ...(cursor ? { cursor: cursor.cursor } : {}),
              }),
          )
      },
    })
    await running
    const finalTop = (await readTopAlerts(db, 'open', 100)).map((r) => r.id)
    expect(seen[0]?.top).toEqual(finalTop)
    expect(seen[0]?.cursor).toBeUndefined()
    expect((await db2.cursors.get('relay'))?.cursor).toBe(events.at(-1)?.cursor)
    expect(await db2.alerts.count()).toBe(1200)
  }, 30_000)
})
