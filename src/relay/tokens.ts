import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import { openPrivateSqlite } from './private-files.js'

export interface DeviceToken {
  readonly name: string
  /** ISO 8601. */
  readonly createdAt: string
}

/**
 * Device tokens for `GET /events`. Only the SHA-256 of each token is stored: the token is 32
 * random bytes, so a plain digest is as strong as a slow hash here and a leaked database yields
 * nothing usable. Kept in its own file so swapping the event store leaves devices alone.
 */
export interface TokenStore {
  /** Returns the new token; it is shown once and never stored. */
  create(name: string): string
  list(): DeviceToken[]
  /** False when no token has that name. */
  revoke(name: string): boolean
  /** The device name the token belongs to, if it is valid. */
  verify(token: string): string | undefined
  /**
   * Changes whenever a token was created or revoked, by this process or another one (the CLI):
   * the relay polls it to cut revoked streams at once, so it must be cheap.
   */
  revision(): number
  close(): void
}

const DEVICE_NAME = /^[\w.@-]{1,64}$/

export function openTokenStore(dataDir: string): TokenStore {
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
      if (!DEVICE_NAME.test(name)) {
        throw new Error(
          `invalid device name "${name}": use 1-64 letters, digits, '.', '_', '-' or '@'`,
        )
      }
      if (all.all().some((row) => row.name === name)) {
        throw new Error(`a token named "${name}" already exists; revoke it first`)
      }
      const token = `odr_${randomBytes(32).toString('base64url')}`
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
    verify(token) {
      const presented = digest(token)
      let match: string | undefined
      // Compare against every row, without stopping early, so timing reveals nothing.
      for (const row of all.all()) {
        if (timingSafeEqual(presented, row.hash) && match === undefined) match = row.name
      }
      return match
    },
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

export function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest()
}
