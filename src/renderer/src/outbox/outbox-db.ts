import type { Table } from 'dexie'
import type { Migration } from '../db/migrations'
import { VersionedDatabase } from '../db/versioned-database'
import type { OutboxCommand, OutboxPause } from './record'

/** Append only; each version says why (see `../db/README.md`). */
export const OUTBOX_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    reason: 'the outbox: commands in enqueue order by lane and state, and per-workspace pauses',
    stores: {
      commands: '++seq, &id, lane, state, [workspaceId+state], updatedAt',
      pauses: 'workspaceId',
    },
  },
]

export const outboxDbName = (profile = 'default'): string => `ondeck-outbox-${profile}`

/**
 * The outbox's own database, written with strict durability: a command the UI calls "queued" is
 * on disk, not in an OS write cache, when the machine loses power a moment later.
 */
export class OutboxDb extends VersionedDatabase {
  declare readonly commands: Table<OutboxCommand, number>
  declare readonly pauses: Table<OutboxPause, string>

  constructor(name: string = outboxDbName(), asOfVersion?: number) {
    super(name, OUTBOX_MIGRATIONS, asOfVersion, { durability: 'strict' })
  }
}
