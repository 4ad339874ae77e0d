import 'fake-indexeddb/auto'
import { MessageChannel } from 'node:worker_threads'
import { describe, expect, it, vi } from 'vitest'
import { CacheDb } from '../../../src/renderer/src/db/cache-db'
import type { IngestReply, IngestRequest, Port } from '../../../src/renderer/src/ingest/protocol'
import { CHANGES_PER_MESSAGE, EVENTS_PER_MESSAGE } from '../../../src/renderer/src/ingest/protocol'
import { serveIngest } from '../../../src/renderer/src/ingest/serve-ingest'
import { connectIngest, type IngestProgress } from '../../../src/renderer/src/ingest/worker-ingest'
import { BatchScan } from '../../../src/renderer/src/sync/priority-first'
import { freshDb, relayEvent, webhook } from '../sync/support'

/**
 * The page's end and the worker's end of the ingest channel over a real MessageChannel (structured
 * clone, as between a page and its worker), on fake-indexeddb. The browser wiring (the module
 * worker, Dexie's cross-context live queries) is covered in real Chromium by
 * test/e2e/ingest-worker.spec.ts.
 */
function channel(options: { chunkSize?: number } = {}): {
  page: Port<IngestReply, IngestRequest>
  requests: IngestRequest[]
} {
  const { port1, port2 } = new MessageChannel()
  const requests: IngestRequest[] = []
  port2.on('message', (r: IngestRequest) => requests.push(r))
  serveIngest(
    port2 as unknown as Port<IngestRequest, IngestReply>,
    (id) => new CacheDb(id).openOrExplain(),
    options,
  )
  port1.start()
  port2.start()
  return { page: port1 as unknown as Port<IngestReply, IngestRequest>, requests }
}

describe('ingest in the worker', () => {
  it('applies a batch in the cache the page reads, with its changes and progress', async () => {
    const reader = await freshDb()
    const { page, requests } = channel({ chunkSize: 100 })
    const progress: IngestProgress[] = []
    const ingest = connectIngest(page, reader.workspaceId, { onProgress: (p) => progress.push(p) })
    const events = Array.from({ length: 250 }, (_, i) =>
      relayEvent(webhook('Create', `a${i}`, `${1700000000000000000n + BigInt(i)}`)),
    )
    const result = await ingest.applyBatch(events)
    expect(result).toMatchObject({ applied: 250, diagnostics: 0 })
    expect(result.changes).toHaveLength(250)
    expect(result.changes.every((c) => c.kind === 'created' && c.live)).toBe(true)
    expect(progress.map((p) => p.done)).toEqual([100, 200, 250])
    expect(await reader.alerts.count()).toBe(250)
    expect((await reader.cursors.get('relay'))?.cursor).toBe(events.at(-1)?.cursor)
    expect(requests.filter((r) => r.type === 'events')).toHaveLength(1)
    await ingest.close()
  })

  it('hands a large batch over in slices and gets the changes back in pieces', async () => {
    const reader = await freshDb()
    const { page, requests } = channel({ chunkSize: 500 })
    const replies: IngestReply[] = []
    page.addEventListener('message', ({ data }) => replies.push(data))
    const ingest = connectIngest(page, reader.workspaceId)
    const events = Array.from({ length: 2 * EVENTS_PER_MESSAGE + 1 }, (_, i) =>
      relayEvent(webhook('Create', `b${i}`, `${1700000000000000000n + BigInt(i)}`)),
    )
    await ingest.applyBatch(events)
    const slices = requests.flatMap((r) => (r.type === 'events' ? [r.events.length] : []))
    expect(slices).toEqual([EVENTS_PER_MESSAGE, EVENTS_PER_MESSAGE, 1])
    // And the changes come back in pieces the page decodes in a few ms, whatever the chunk size.
    const pieces = replies.flatMap((r) => (r.type === 'chunk' ? [r.changes.length] : []))
    expect(Math.max(...pieces)).toBeLessThanOrEqual(CHANGES_PER_MESSAGE)
    expect(pieces.reduce((a, b) => a + b, 0)).toBe(events.length)
    expect(await reader.alerts.count()).toBe(events.length)
  }, 30_000)

  it('reads a large batch for what lands first as its slices arrive, and lands that first', async () => {
    const reader = await freshDb()
    const { page } = channel({ chunkSize: 500 })
    const scanned: number[] = []
    const add = BatchScan.prototype.add
    const spy = vi.spyOn(BatchScan.prototype, 'add').mockImplementation(function (
      this: BatchScan,
      e,
    ) {
      scanned.push(e.length)
      return add.call(this, e)
    })
    const firstChunk: string[] = []
    const ingest = connectIngest(page, reader.workspaceId, {
      onProgress: (p) => {
        if (firstChunk.length === 0) firstChunk.push(`${p.done}`)
      },
    })
    // 1,200 P4 alerts, then one P1 last: it lands in the first chunk, ahead of arrival order.
    const events = Array.from({ length: 1_201 }, (_, i) =>
      relayEvent(
        webhook('Create', `c${i}`, `${1700000000000000000n + BigInt(i)}`, {
          priority: i === 1_200 ? 'P1' : 'P4',
        }),
      ),
    )
    const result = await ingest.applyBatch(events)
    spy.mockRestore()
    expect(scanned).toEqual([EVENTS_PER_MESSAGE, EVENTS_PER_MESSAGE, 201])
    // The first chunk is the 100 most urgent: the P1 and 99 of the P4s.
    expect(firstChunk).toEqual(['100'])
    expect(result.changes.slice(0, 100).map((c) => c.alert.id)).toContain('c1200')
    expect(await reader.alerts.count()).toBe(1_201)
  }, 30_000)

  it('answers list results and incidents, and says why a call failed', async () => {
    const reader = await freshDb()
    const { page } = channel()
    const ingest = connectIngest(page, reader.workspaceId)
    expect(await ingest.applyIncidents([])).toBe(0)
    expect(await ingest.pruneSeen()).toBe(0)
    await ingest.close()
    await expect(ingest.applyAlerts([])).rejects.toThrow(/no open cache/)
  })
})

describe('a worker that is gone', () => {
  it('rejects the calls waiting and every later one with the reason', async () => {
    const { port1 } = new MessageChannel() // nobody answers on the other end
    const ingest = connectIngest(port1 as unknown as Port<IngestReply, IngestRequest>, 'w')
    const waiting = ingest.applyIncidents([])
    ingest.fail(new Error('the ingest worker failed (boom)'))
    await expect(waiting).rejects.toThrow('the ingest worker failed (boom)')
    await expect(ingest.applyBatch([])).rejects.toThrow('the ingest worker failed (boom)')
    port1.close()
  })
})
