import Dexie from 'dexie'
import type { Migration } from './migrations'

/** The stored database was written by a newer Ondeck; nothing was changed or deleted. */
export class DatabaseNewerError extends Error {
  override readonly name = 'DatabaseNewerError'
  constructor(
    readonly database: string,
    readonly storedVersion: number | undefined,
    readonly appVersion: number,
  ) {
    super(
      `The local data in "${database}" was written by a newer version of Ondeck (schema ${storedVersion ?? 'newer'}, this app knows ${appVersion}). ` +
        'Nothing was changed or deleted. Update Ondeck to open it.',
    )
  }
}

/**
 * A Dexie database built from a list of migrations, optionally only "as of" one version so a test
 * can create the old shape, fill it, then open it with the next version and check the upgrade.
 */
export class VersionedDatabase extends Dexie {
  readonly schemaVersion: number

  constructor(
    name: string,
    migrations: readonly Migration[],
    asOfVersion?: number,
    /** `strict` for the outbox: a queued command must be on disk before the UI says so. */
    options: { durability?: 'relaxed' | 'strict' } = {},
  ) {
    super(name, { chromeTransactionDurability: options.durability ?? 'relaxed' })
    const applied = migrations.filter((m) => asOfVersion === undefined || m.version <= asOfVersion)
    if (applied.length === 0) throw new Error(`no schema version ${asOfVersion} for ${name}`)
    for (const migration of applied) {
      const version = this.version(migration.version).stores({ ...migration.stores })
      if (migration.upgrade !== undefined) version.upgrade(migration.upgrade)
    }
    this.schemaVersion = applied.at(-1)?.version ?? 0
  }

  /** Opens, turning Dexie's VersionError into a message a responder understands. */
  async openOrExplain(): Promise<this> {
    try {
      await this.open()
    } catch (error) {
      if (
        error instanceof Dexie.VersionError ||
        (error as { name?: string }).name === 'VersionError'
      ) {
        const stored = await storedVersion(this.name)
        throw new DatabaseNewerError(this.name, stored, this.schemaVersion)
      }
      throw error
    }
    // Dexie 4 opens a newer database as it is instead of failing; refuse it before anything writes.
    const stored = this.backendDB().version / 10
    if (stored > this.schemaVersion) {
      this.close()
      throw new DatabaseNewerError(this.name, stored, this.schemaVersion)
    }
    return this
  }
}

/** Dexie multiplies versions by 10 in IndexedDB; read the raw one back for the message. */
async function storedVersion(name: string): Promise<number | undefined> {
  const databases = await indexedDB.databases?.()
  const raw = databases?.find((d) => d.name === name)?.version
  return raw === undefined ? undefined : raw / 10
}
