import { assertNever } from '../../../shared/assert-never'
import type { IntakeEvent } from '../../../shared/ipc/schemas'
import type { CacheDb } from '../db/cache-db'
import { createIngest, type Ingest, type IngestOptions } from '../sync'
import { BatchScan } from '../sync/priority-first'
import { CHANGES_PER_MESSAGE, type IngestReply, type IngestRequest, type Port } from './protocol'

/**
 * The worker's side of the ingest channel: opens the workspace's cache in this context and runs
 * `sync`'s ingest on it. Written against a `Port`, so the unit tests drive it over a plain
 * `MessageChannel` with fake-indexeddb; `ingest.worker.ts` hands it the worker's scope.
 */
export function serveIngest(
  port: Port<IngestRequest, IngestReply>,
  openCache: (workspaceId: string) => Promise<CacheDb>,
  options: IngestOptions = {},
): void {
  let db: CacheDb | undefined
  let ingest: Ingest | undefined
  /** Batches arriving: their events, scanned for what lands first as each message comes. */
  const batches = new Map<number, { events: IntakeEvent[]; scan: BatchScan }>()

  const ready = (): Ingest => {
    if (ingest === undefined) throw new Error('the ingest worker has no open cache (open first)')
    return ingest
  }

  const answer = (id: number, work: () => Promise<unknown>): void => {
    // A synchronous throw (no open cache) answers like a rejection.
    Promise.resolve()
      .then(work)
      .then(
        (value) => port.postMessage({ type: 'result', id, ok: true, value }),
        (error: unknown) =>
          port.postMessage({
            type: 'result',
            id,
            ok: false,
            error: {
              name: (error as Error | undefined)?.name ?? 'Error',
              message: (error as Error | undefined)?.message ?? String(error),
            },
          }),
      )
  }

  port.addEventListener('message', ({ data: request }) => {
    switch (request.type) {
      case 'open':
        return answer(request.id, async () => {
          db = await openCache(request.workspaceId)
          ingest = createIngest(db, options)
          return db.schemaVersion
        })
      case 'events': {
        const batch = batches.get(request.batch) ?? { events: [], scan: new BatchScan() }
        batches.set(request.batch, batch)
        for (const event of request.events) batch.events.push(event)
        batch.scan.add(request.events)
        return
      }
      case 'applyBatch': {
        const { events, scan } = batches.get(request.batch) ?? { events: [], scan: undefined }
        batches.delete(request.batch)
        return answer(request.id, async () => {
          const result = await ready().applyBatch(events, {
            ...(scan !== undefined ? { scan } : {}),
            // A chunk's changes in pieces: the page decodes each message in one task.
            onChunk: (chunk) => {
              const { changes, incidents } = chunk
              for (let i = 0; i === 0 || i < changes.length; i += CHANGES_PER_MESSAGE)
                port.postMessage({
                  type: 'chunk',
                  id: request.id,
                  done: chunk.done,
                  total: chunk.total,
                  changes: changes.slice(i, i + CHANGES_PER_MESSAGE),
                  incidents: i === 0 ? incidents : [],
                })
            },
          })
          return { applied: result.applied, diagnostics: result.diagnostics }
        })
      }
      case 'applyAlerts':
        return answer(request.id, () => ready().applyAlerts(request.alerts))
      case 'applyIncidents':
        return answer(request.id, () => ready().applyIncidents(request.incidents))
      case 'pruneSeen':
        return answer(request.id, () => ready().pruneSeen())
      case 'close':
        return answer(request.id, async () => {
          db?.close()
          db = undefined
          ingest = undefined
        })
      default:
        return assertNever(request, 'ingest request')
    }
  })
}
