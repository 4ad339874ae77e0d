import { z } from 'zod'
import type { TeamRow } from '../db/rows'
import { readPreference, writePreference } from '../settings/preferences'
import type { SettingsDb } from '../settings/settings-db'
import { AlertViewQuerySchema, DEFAULT_QUERY } from './alert-view-link'
import type { AlertViewQuery } from './alert-view-store'

/**
 * Saved views: a name for a set of filters ("My queue", "Team Platform P1-P2"), one pick away in
 * the filter bar. The built-in ones are computed (the team views follow the directory); the
 * responder's own are a preference in the SettingsDb, like the last filters used.
 */
export interface SavedView {
  readonly name: string
  readonly query: AlertViewQuery
  /** Built in: offered to everyone, cannot be deleted. */
  readonly builtIn?: boolean
}

/** Preference keys (SettingsDb `preferences`), each parsed with its schema below on read. */
export const ALERT_PREFERENCE_KEYS = {
  /** The filters, search and sort last used: the list opens as it was left. */
  alertView: 'alertView',
  /** The responder's own saved views. */
  alertSavedViews: 'alertSavedViews',
} as const

export const SavedViewsSchema = z.array(
  z.object({ name: z.string().min(1), query: AlertViewQuerySchema }),
)

/** At most this many team views: a large account's directory would bury the rest. */
const TEAM_VIEWS = 8

export function builtInViews(teams: readonly TeamRow[]): SavedView[] {
  const open = DEFAULT_QUERY.filters
  const views: SavedView[] = [
    { name: 'All open', query: DEFAULT_QUERY },
    { name: 'My queue', query: { ...DEFAULT_QUERY, filters: { ...open, mine: true } } },
    {
      name: 'P1-P2 unacknowledged',
      query: {
        ...DEFAULT_QUERY,
        filters: { ...open, priorities: ['P1', 'P2'], acknowledged: 'no' },
      },
    },
    ...teams.slice(0, TEAM_VIEWS).map((team): SavedView => ({
      name: `Team ${team.name} P1-P2`,
      query: { ...DEFAULT_QUERY, filters: { ...open, team: team.id, priorities: ['P1', 'P2'] } },
    })),
  ]
  return views.map((v) => ({ ...v, builtIn: true }))
}

export function readSavedViews(settings: SettingsDb): Promise<SavedView[]> {
  return readPreference(settings, ALERT_PREFERENCE_KEYS.alertSavedViews, SavedViewsSchema, [])
}

/** Saves (or replaces, by name) one of the responder's views. */
export async function saveView(settings: SettingsDb, view: SavedView): Promise<void> {
  const views = (await readSavedViews(settings)).filter((v) => v.name !== view.name)
  await writePreference(settings, ALERT_PREFERENCE_KEYS.alertSavedViews, [
    ...views,
    { name: view.name, query: view.query },
  ])
}

export async function deleteView(settings: SettingsDb, name: string): Promise<void> {
  const views = (await readSavedViews(settings)).filter((v) => v.name !== name)
  await writePreference(settings, ALERT_PREFERENCE_KEYS.alertSavedViews, views)
}
