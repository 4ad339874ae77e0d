import { openPrivateSqlite } from '../private-files.js'
import type { EventStore, NewEvent, RetentionWindow, StoredEvent } from './event-store.js'
import { createSqliteRetention, useIncrementalVacuum } from './sqlite-retention.js'

interface EventRow {
  id: number
  received_at: number
  action: string
  alert_id: string
  dedup_key: string
  repeat: number
  payload: string
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS events (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  received_at INTEGER NOT NULL,
  action TEXT NOT NULL,
  alert_id TEXT NOT NULL,
  dedup_key TEXT NOT NULL,
  repeat INTEGER NOT NULL,
  payload TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS events_dedup ON events (dedup_key);
CREATE INDEX IF NOT EXISTS events_received ON events (received_at);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
`

/**
 * `events.sqlite` in the data folder, WAL mode. `synchronous = FULL` makes every commit fsync the
 * WAL, so an event we answered 2xx for survives a power cut or kernel crash, not only a killed
 * process (NORMAL would only promise the latter). Group commit (see group-commit.ts) spreads that
 * fsync over every webhook that arrived meanwhile, which is what keeps ingest fast.
 */
export function openSqliteEventStore(dataDir: string): EventStore {
  const db = openPrivateSqlite(dataDir, 'events.sqlite')
  db.pragma('synchronous = FULL')
  useIncrementalVacuum(db)
  db.exec(SCHEMA)
  const retention = createSqliteRetention(db)

  const insert = db.prepare<[number, string, string, string, number, string]>(
    'INSERT INTO events (received_at, action, alert_id, dedup_key, repeat, payload) VALUES (?, ?, ?, ?, ?, ?)',
  )
  const seen = db.prepare<[string]>('SELECT 1 FROM events WHERE dedup_key = ? LIMIT 1').pluck()
  const after = db.prepare<[number, number], EventRow>(
    'SELECT * FROM events WHERE id > ? ORDER BY id LIMIT ?',
  )
  const getPruned = db.prepare("SELECT value FROM meta WHERE key = 'pruned_through'").pluck()
  const getLatest = db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'events'").pluck()
  const getOldest = db.prepare('SELECT received_at FROM events ORDER BY id LIMIT 1').pluck()

  const appendAll = db.transaction((events: readonly NewEvent[]): StoredEvent[] =>
    events.map((e) => {
      const repeat = seen.get(e.dedupKey) !== undefined
      const { lastInsertRowid } = insert.run(
        e.receivedAt,
        e.action,
        e.alertId,
        e.dedupKey,
        repeat ? 1 : 0,
        e.payload,
      )
      return { ...e, id: Number(lastInsertRowid), repeat }
    }),
  )

  return {
    append: async (events) => appendAll(events),
    readAfter: async (afterId, limit) => after.all(afterId, limit).map(fromRow),
    prune: async (policy) => retention.prune(policy),
    size: async () => retention.usedBytes(),
    window: async (): Promise<RetentionWindow> => ({
      latestId: (getLatest.get() as number | undefined) ?? 0,
      prunedThroughId: (getPruned.get() as number | undefined) ?? 0,
      oldestReceivedAt: getOldest.get() as number | undefined,
    }),
    close: async () => {
      db.close()
    },
  }
}

function fromRow(row: EventRow): StoredEvent {
  return {
    id: row.id,
    receivedAt: row.received_at,
    action: row.action,
    alertId: row.alert_id,
    dedupKey: row.dedup_key,
    repeat: row.repeat === 1,
    payload: row.payload,
  }
}
