import Database from 'better-sqlite3'
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs'
import { join } from 'node:path'

/**
 * The relay's folder holds every stored alert and the device-token digests: no other local user
 * may read it. Folders are 0700 and files 0600 whatever the process umask, and a folder or files
 * an older relay left readable are tightened on open.
 */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 })
  tighten(dir, 0o700)
}

/**
 * Opens `<dir>/<name>` in WAL mode with owner-only permissions. SQLite creates `-wal` and `-shm`
 * with the database file's mode, so creating that file 0600 first covers them; existing ones are
 * tightened once the journal mode is set (which is when they exist).
 */
export function openPrivateSqlite(dir: string, name: string): Database.Database {
  ensurePrivateDir(dir)
  const path = join(dir, name)
  closeSync(openSync(path, 'a', 0o600))
  tighten(path, 0o600)
  const db = new Database(path)
  db.pragma('journal_mode = WAL')
  for (const file of [`${path}-wal`, `${path}-shm`]) {
    if (existsSync(file)) tighten(file, 0o600)
  }
  return db
}

/**
 * Only the owner may chmod: a folder someone else owns (a mounted volume, say) is reported, not
 * fatal, since the files the relay creates inside it are still its own and 0600.
 */
function tighten(path: string, mode: number): void {
  try {
    chmodSync(path, mode)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') throw error
    console.warn(
      `relay: cannot restrict ${path} to ${mode.toString(8)} (not its owner); do it yourself`,
    )
  }
}
