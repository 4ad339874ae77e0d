import { openPrivateSqlite } from './private-files.js'
import {
  checkDeviceName,
  digest,
  matchDigest,
  newDeviceToken,
  type DeviceToken,
  type TokenStore,
} from './token-store.js'

export {
  checkDeviceName,
  digest,
  matchDigest,
  newDeviceToken,
  type DeviceToken,
  type TokenStore,
} from './token-store.js'

/** The embedded store: `tokens.sqlite` in the data folder, answering synchronously. */
export interface SqliteTokenStore extends TokenStore {
  create(name: string): string
  list(): DeviceToken[]
  revoke(name: string): boolean
  verify(token: string): string | undefined
  revision(): number
  close(): void
}

export function openTokenStore(dataDir: string): SqliteTokenStore {
  const db = openPrivateSqlite(dataDir, 'tokens.sqlite')
  db.pragma('synchronous = FULL')
  db.exec(
    'CREATE TABLE IF NOT EXISTS tokens (name TEXT PRIMARY KEY, hash BLOB NOT NULL, created_at TEXT NOT NULL)',
  )
  const insert = db.prepare<[string, Buffer, string]>(
    'INSERT INTO tokens (name, hash, created_at) VALUES (?, ?, ?)',
  )
  const all = db.prepare<[], { name: string; hash: Buffer; created_at: string }>(
    'SELECT name, hash, created_at FROM tokens ORDER BY name',
  )
  const remove = db.prepare<[string]>('DELETE FROM tokens WHERE name = ?')
  // data_version changes when another connection commits; our own commits bump `revision` here.
  const dataVersion = (): number => Number(db.pragma('data_version', { simple: true }))
  let seenVersion = dataVersion()
  let revision = 0

  return {
    create(name) {
      checkDeviceName(name)
      if (all.all().some((row) => row.name === name)) {
        throw new Error(`a token named "${name}" already exists; revoke it first`)
      }
      const token = newDeviceToken()
      insert.run(name, digest(token), new Date().toISOString())
      revision++
      return token
    },
    list: () => all.all().map((row) => ({ name: row.name, createdAt: row.created_at })),
    revoke(name) {
      const removed = remove.run(name).changes > 0
      if (removed) revision++
      return removed
    },
    verify: (token) => matchDigest(token, all.all()),
    revision() {
      const version = dataVersion()
      if (version !== seenVersion) {
        seenVersion = version
        revision++
      }
      return revision
    },
    close: () => db.close(),
  }
}
