import type { CacheDb } from '../db/cache-db'

/**
 * The alert ids this ingest knows to have a row: every key of the cache when it first needs
 * them (one key-only read), plus every alert it wrote since. An id not in it is taken for new,
 * so a first connect's thousands of new alerts cost no lookup that would miss (a `get` is one
 * IndexedDB request each: on the benchmark VM they were a third of a 10k ingest).
 *
 * It is a guess, never trusted for correctness: a row another writer inserted meanwhile (the
 * page moving a workspace's history, the deletion confirmer restoring an alert) makes the
 * chunk's `add` fail, the whole chunk aborts and is applied again with reads (`applyChunk`'s
 * `absent`). A row deleted elsewhere only costs a read that finds nothing.
 */
export class KnownAlertIds {
  private ids: Set<string> | undefined
  private loading: Promise<Set<string>> | undefined

  constructor(private readonly db: CacheDb) {}

  /** The predicate for `applyChunk`'s `absent`, once the cache's keys are read. */
  async absence(): Promise<(alertId: string) => boolean> {
    const ids = await this.load()
    return (alertId) => !ids.has(alertId)
  }

  /** Alerts that now have a row (written by this ingest, or found there). */
  add(alertIds: Iterable<string>): void {
    if (this.ids === undefined) return // read from the cache when first needed, with these in it
    for (const id of alertIds) this.ids.add(id)
  }

  private load(): Promise<Set<string>> {
    if (this.ids !== undefined) return Promise.resolve(this.ids)
    this.loading ??= this.db.alerts
      .toCollection()
      .primaryKeys()
      .then((keys) => (this.ids = new Set(keys)))
      .finally(() => (this.loading = undefined))
    return this.loading
  }
}
