import Database from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { EventStore, NewEvent, RetentionWindow, StoredEvent } from './event-store.js'

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
  mkdirSync(dataDir, { recursive: true })
  const db = new Database(join(dataDir, 'events.sqlite'))
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = FULL')
  db.exec(SCHEMA)

  const insert = db.prepare<[number, string, string, string, number, string]>(
    'INSERT INTO events (received_at, action, alert_id, dedup_key, repeat, payload) VALUES (?, ?, ?, ?, ?, ?)',
  )
  const seen = db.prepare<[string]>('SELECT 1 FROM events WHERE dedup_key = ? LIMIT 1').pluck()
  const after = db.prepare<[number, number], EventRow>(
    'SELECT * FROM events WHERE id > ? ORDER BY id LIMIT ?',
  )
  const cutoffId = db.prepare<[number]>('SELECT MAX(id) FROM events WHERE received_at < ?').pluck()
  const deleteThrough = db.prepare<[number]>('DELETE FROM events WHERE id <= ?')
  const setPruned = db.prepare<[number]>(
    "INSERT INTO meta (key, value) VALUES ('pruned_through', ?) ON CONFLICT(key) DO UPDATE SET value = MAX(value, excluded.value)",
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
  // Prunes by id so the "pruned through" mark and the delete agree even if clocks step back.
  const prune = db.transaction((cutoff: number): number => {
    const through = cutoffId.get(cutoff) as number | null
    if (through === null) return 0
    setPruned.run(through)
    return deleteThrough.run(through).changes
  })

  return {
    append: async (events) => appendAll(events),
    readAfter: async (afterId, limit) => after.all(afterId, limit).map(fromRow),
    pruneBefore: async (cutoff) => prune(cutoff),
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
