import type { BlockingReport } from './probes'

/** What the harness page exposes as `window.cacheBench`, called from Node through Playwright. */
export interface IngestRun {
  readonly workspaceId: string
  readonly alerts: number
  readonly ms: number
  readonly applied: number
  readonly diagnostics: number
  /** Rows in `alerts` after the batch: proves the batch landed. */
  readonly storedAlerts: number
  /** Alert changes the batch reported back to the page (notifications, tray, coordination). */
  readonly changes: number
  readonly blocking: BlockingReport
  /**
   * From the start of the batch to the frame after the page's live query of the top 100 open
   * alerts by priority answered with the true top 100 (what the list paints first).
   */
  readonly firstPaintTop100Ms?: number
  /** `worker`: the production path; `page`: sync's ingest on the page (diagnosis only). */
  readonly path: 'worker' | 'page'
}

export interface QueryRun {
  readonly runs: number
  readonly timesMs: readonly number[]
  /** The first rows returned, to check the order is P1 first, newest first. */
  readonly head: readonly { id: string; priority: string; createdMs: number }[]
  readonly returned: number
  /** Long tasks in this page during the timed runs: none means slow runs came from outside it. */
  readonly blocking: BlockingReport
}

/** Raw Dexie costs of the rows one ingest wrote, each store alone in a fresh database. */
export interface StorageFloor {
  readonly alerts: number
  readonly bulkPutAlertsMs: number
  readonly bulkPutActivityMs: number
  /** Tombstones only since dedup moved onto the timeline entry (0 rows for Create events). */
  readonly bulkPutSeenMs: number
  /** The per-request floor: 10k puts of `{ key }` rows into an unindexed store (`settings`). */
  readonly bulkPutMinimalRowsMs?: number
  /** bulkGet of the three key sets a chunk reads (all misses on an empty cache). */
  readonly bulkGetMissesMs: number
}

export interface HarnessApi {
  /**
   * Deletes the workspace's cache, builds `count` relay Create events, applies them in one
   * `applyBatch`. `chunkSize` only for diagnosis (profile-ingest.ts); the benchmark uses the default.
   */
  ingest(workspaceId: string, count: number, chunkSize?: number): Promise<IngestRun>
  /** Copies what `ingest` left in `sourceId` and times writing it store by store into `targetId`. */
  storageFloor(sourceId: string, targetId: string): Promise<StorageFloor>
  /** `openAlertsByPriority(db, 100)` `runs` times after `warmup` untimed calls. */
  query(workspaceId: string, runs: number, warmup: number): Promise<QueryRun>
  /** Saves the workspace in the app's settings db and makes it the last one used. */
  saveWorkspace(workspaceId: string, name: string): Promise<void>
}

export const HARNESS_GLOBAL = 'cacheBench'
