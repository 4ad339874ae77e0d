import { z } from 'zod'
import { NotificationSettings } from '../notifications/settings'
import { OutboxSettings } from '../outbox/settings'
import type { SettingsDb } from './settings-db'

export const Theme = z.enum(['light', 'dark'])
export type Theme = z.infer<typeof Theme>

/** Keys of the app-wide preferences table; each value is parsed with its schema on read. */
export const PREFERENCE_KEYS = {
  theme: 'theme',
  notificationSettings: 'notificationSettings',
  lastWorkspaceId: 'lastWorkspaceId',
  outboxSettings: 'outboxSettings',
} as const

export const PREFERENCE_SCHEMAS = {
  theme: Theme,
  notificationSettings: NotificationSettings,
  lastWorkspaceId: z.string(),
  /** The outbox's staleness limits (and tuning); any subset, the rest default. */
  outboxSettings: OutboxSettings.partial(),
} as const

/** Reads a preference through its schema; a missing or no-longer-valid value falls back. */
export async function readPreference<T>(
  db: SettingsDb,
  key: string,
  schema: z.ZodType<T>,
  fallback: T,
): Promise<T> {
  const row = await db.preferences.get(key)
  const parsed = schema.safeParse(row?.value)
  return parsed.success ? parsed.data : fallback
}

export async function writePreference(db: SettingsDb, key: string, value: unknown): Promise<void> {
  await db.preferences.put({ key, value })
}
