import type { Table } from 'dexie'
import type { WorkspaceConfig } from '../../../shared/ipc/schemas'
import type { Migration } from '../db/migrations'
import { VersionedDatabase } from '../db/versioned-database'

/**
 * A workspace the responder added. Only the config main needs and who "me" is there; the API key
 * and relay token went to main's keychain once and are never stored here.
 */
export interface WorkspaceEntry {
  id: string
  config: WorkspaceConfig
  /** The responder's Opsgenie username in this workspace: what "mine" means. */
  username?: string
  addedAt: number
}

export interface PreferenceRow {
  key: string
  value: unknown
}

export const SETTINGS_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    reason: 'workspaces the responder added, and app-wide preferences (theme, notification rules)',
    stores: { workspaces: 'id, addedAt', preferences: 'key' },
  },
]

export const SETTINGS_DB_NAME = 'ondeck-settings'

/** App-wide settings, separate from the per-workspace caches so removing a cache keeps them. */
export class SettingsDb extends VersionedDatabase {
  declare workspaces: Table<WorkspaceEntry, string>
  declare preferences: Table<PreferenceRow, string>

  constructor(name = SETTINGS_DB_NAME, asOfVersion?: number) {
    super(name, SETTINGS_MIGRATIONS, asOfVersion)
  }
}
