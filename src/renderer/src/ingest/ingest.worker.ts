/// <reference lib="webworker" />
import { CacheDb } from '../db/cache-db'
import type { IngestReply, IngestRequest, Port } from './protocol'
import { serveIngest } from './serve-ingest'

/**
 * The ingest worker: the workspace's cache writes happen here, off the page's thread, on the same
 * IndexedDB database the page reads. Dexie tells the page's live queries about each commit through
 * its BroadcastChannel, as it would for a write from another tab.
 */
serveIngest(self as unknown as Port<IngestRequest, IngestReply>, (workspaceId) =>
  new CacheDb(workspaceId).openOrExplain(),
)
