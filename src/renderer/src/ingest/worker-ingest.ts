import type { Alert, Incident } from '../../../shared/domain'
import type { IntakeEvent } from '../../../shared/ipc/schemas'
import type { CacheDb } from '../db/cache-db'
import type { AlertChange, BatchResult, IncidentChange } from '../sync'
import {
  EVENTS_PER_MESSAGE,
  POST_BUDGET_MS,
  type IngestReply,
  type IngestRequest,
  type Port,
} from './protocol'
import { yieldToMainThread } from './yield'

/** How far a batch is, for the status bar: events handled and in all. */
export interface IngestProgress {
  readonly done: number
  readonly total: number
}

/** `sync`'s ingest as the page sees it when the work runs in the ingest worker. */
export interface WorkerIngest {
  applyBatch(events: readonly IntakeEvent[]): Promise<BatchResult>
  applyAlerts(alerts: readonly Alert[]): Promise<number>
  applyIncidents(incidents: readonly Incident[]): Promise<number>
  pruneSeen(): Promise<number>
  /** Closes the worker's database; the port stays usable for nothing else. */
  close(): Promise<void>
}

export interface WorkerIngestOptions {
  /** After each chunk of a batch commits (the status bar shows a long backfill's progress). */
  onProgress?(progress: IngestProgress): void
}

interface Call {
  resolve(value: unknown): void
  reject(error: Error): void
  changes: AlertChange[]
  incidents: IncidentChange[]
}

/**
 * The page's end of the ingest channel. Large batches cross in slices of `EVENTS_PER_MESSAGE`,
 * yielding whenever `POST_BUDGET_MS` went by, so handing 100,000 events over is many short tasks, never a long
 * one; each committed chunk's changes come back in their own small message, collected here into
 * the batch's result (notifications, tray and coordination get them as before).
 */
export function connectIngest(
  port: Port<IngestReply, IngestRequest>,
  workspaceId: string,
  options: WorkerIngestOptions = {},
): WorkerIngest & { fail(error: Error): void } {
  let nextId = 1
  let nextBatch = 1
  let failed: Error | undefined
  const calls = new Map<number, Call>()

  port.addEventListener('message', ({ data: reply }) => {
    const call = calls.get(reply.id)
    if (call === undefined) return
    if (reply.type === 'chunk') {
      for (const change of reply.changes) call.changes.push(change)
      for (const change of reply.incidents) call.incidents.push(change)
      options.onProgress?.({ done: reply.done, total: reply.total })
      return
    }
    calls.delete(reply.id)
    if (reply.ok) call.resolve(reply.value)
    else call.reject(Object.assign(new Error(reply.error.message), { name: reply.error.name }))
  })

  const call = <T>(
    request: (id: number) => IngestRequest,
  ): { id: number; done: Promise<T>; call: Call } => {
    const id = nextId++
    let entry: Call | undefined
    const done = new Promise<T>((resolve, reject) => {
      entry = { resolve: resolve as (v: unknown) => void, reject, changes: [], incidents: [] }
      if (failed !== undefined) reject(failed)
      else calls.set(id, entry)
    })
    if (failed === undefined) port.postMessage(request(id))
    return { id, done, call: entry as Call }
  }

  const opened = call<number>((id) => ({ type: 'open', id, workspaceId })).done
  const whenOpen = async <T>(request: (id: number) => IngestRequest): Promise<T> => {
    await opened
    return call<T>(request).done
  }

  return {
    /** The worker is gone (it did not load, or crashed): every call, now and later, says so. */
    fail(error) {
      failed = error
      for (const call of calls.values()) call.reject(error)
      calls.clear()
    },
    async applyBatch(events) {
      await opened
      const batch = nextBatch++
      let sliceStart = performance.now()
      for (let i = 0; i < events.length; i += EVENTS_PER_MESSAGE) {
        if (performance.now() - sliceStart >= POST_BUDGET_MS) {
          await yieldToMainThread()
          sliceStart = performance.now()
        }
        port.postMessage({ type: 'events', batch, events: events.slice(i, i + EVENTS_PER_MESSAGE) })
      }
      const running = call<{ applied: number; diagnostics: number }>((id) => ({
        type: 'applyBatch',
        id,
        batch,
      }))
      const counts = await running.done
      return { ...counts, changes: running.call.changes, incidents: running.call.incidents }
    },
    applyAlerts: (alerts) => whenOpen((id) => ({ type: 'applyAlerts', id, alerts })),
    applyIncidents: (incidents) => whenOpen((id) => ({ type: 'applyIncidents', id, incidents })),
    pruneSeen: () => whenOpen((id) => ({ type: 'pruneSeen', id })),
    close: () => whenOpen((id) => ({ type: 'close', id })),
  }
}

/**
 * The production ingest: a dedicated module worker on the workspace's cache. Vite bundles
 * `ingest.worker.ts` as its own file from this `new URL(..., import.meta.url)`; the CSP allows it
 * (`worker-src 'self'`, in index.html, browser mode's headers and the desktop's app:// scheme).
 */
export function createWorkerIngest(db: CacheDb, options: WorkerIngestOptions = {}): WorkerIngest {
  const worker = new Worker(new URL('./ingest.worker.ts', import.meta.url), {
    type: 'module',
    name: 'ondeck-ingest',
  })
  const ingest = connectIngest(worker, db.workspaceId, options)
  worker.addEventListener('error', (event) => {
    const error = new Error(
      `the ingest worker failed (${event.message || 'its script did not load'}): nothing is written to the cache`,
    )
    console.error(error.message)
    ingest.fail(error)
  })
  return {
    applyBatch: ingest.applyBatch,
    applyAlerts: ingest.applyAlerts,
    applyIncidents: ingest.applyIncidents,
    pruneSeen: ingest.pruneSeen,
    async close() {
      await ingest.close().catch(() => undefined)
      worker.terminate()
    },
  }
}
