import { z } from 'zod'
import { Priority } from '../../../shared/domain'

const ClockTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time of day is "HH:MM" in 24-hour local time')

export const QuietHours = z.object({
  enabled: z.boolean().default(false),
  /** Local wall-clock times; `start` after `end` means the window wraps past midnight. */
  start: ClockTime.default('22:00'),
  end: ClockTime.default('07:00'),
  /** A page at 3 a.m. is the reason the app exists: ringing priorities still get through. */
  allowRinging: z.boolean().default(true),
})
export type QuietHours = z.infer<typeof QuietHours>

/**
 * The responder's notification rules, stored with the other settings. Parsing `{}` gives the
 * defaults, so a missing or older stored object never leaves the app silent.
 */
export const NotificationSettings = z.object({
  notifyPriorities: z.array(Priority).default(['P1', 'P2', 'P3']),
  /** Priorities that ring (repeating sound + in-app alarm) until someone acknowledges. */
  ringPriorities: z.array(Priority).default(['P1']),
  /** `all` by default: a fresh install knows nothing yet of who the user is or their teams. */
  scope: z.enum(['mine', 'all']).default('all'),
  quietHours: QuietHours.default(QuietHours.parse({})),
  /** Epoch ms; set from the tray's "pause" (`notifications:paused`). */
  pausedUntil: z.number().nullable().default(null),
  /** Main shows urgent notifications while paused; ringing follows the same rule by default. */
  pauseAllowsRinging: z.boolean().default(true),
  /** More than this many notifications within a minute become one summary. */
  stormThreshold: z.number().int().positive().default(5),
  ringIntervalMs: z.number().int().min(1000).default(4000),
})
export type NotificationSettings = z.infer<typeof NotificationSettings>

export const DEFAULT_NOTIFICATION_SETTINGS: NotificationSettings = NotificationSettings.parse({})

/** Who "mine" means: the signed-in user and the teams they belong to (ids and names). */
export interface Identity {
  readonly userIds: readonly string[]
  readonly usernames: readonly string[]
  readonly teams: readonly string[]
}

export const NOBODY: Identity = { userIds: [], usernames: [], teams: [] }
