/// <reference lib="webworker" />
import { CacheDb } from '../db/cache-db'
import type { IngestReply, IngestRequest, Port } from './protocol'
import { serveIngest } from './serve-ingest'

/**
 * Events per transaction here. On the page, chunks of 100 kept each task short; a worker's long
 * task blocks nobody, so chunks are sized for IndexedDB instead (fewer, larger transactions), while
 * each chunk's changes still reach the page in a message it reads in a few ms.
 */
const WORKER_CHUNK_SIZE = 1_000

/**
 * The ingest worker: the workspace's cache writes happen here, off the page's thread, on the same
 * IndexedDB database the page reads. Dexie tells the page's live queries about each commit through
 * its BroadcastChannel, as it would for a write from another tab.
 */
serveIngest(
  self as unknown as Port<IngestRequest, IngestReply>,
  (workspaceId) => new CacheDb(workspaceId).openOrExplain(),
  { chunkSize: WORKER_CHUNK_SIZE },
)
