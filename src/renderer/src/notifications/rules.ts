import type { Alert } from '../../../shared/domain'
import type { Identity, NotificationSettings, QuietHours } from './settings'

export type SilenceReason =
  'closed' | 'acknowledged' | 'snoozed' | 'priority' | 'not-mine' | 'paused' | 'quiet-hours'

export type Decision =
  | { readonly notify: true; readonly ring: boolean }
  | { readonly notify: false; readonly reason: SilenceReason }

function minutesOf(clock: string): number {
  const [hours = 0, minutes = 0] = clock.split(':').map(Number)
  return hours * 60 + minutes
}

/** True when `at` (local time) falls in the window; a window whose start is after its end wraps midnight. */
export function inQuietHours(quiet: QuietHours, at: Date): boolean {
  if (!quiet.enabled) return false
  const start = minutesOf(quiet.start)
  const end = minutesOf(quiet.end)
  const now = at.getHours() * 60 + at.getMinutes()
  if (start === end) return false
  return start < end ? now >= start && now < end : now >= start || now < end
}

/** Opsgenie names an owner by username and responders by id or name, so both are compared. */
export function isMine(alert: Alert, me: Identity): boolean {
  const users = new Set([...me.userIds, ...me.usernames])
  const teams = new Set(me.teams)
  if (alert.owner !== undefined && users.has(alert.owner)) return true
  if (alert.teams.some((team) => teams.has(team))) return true
  return alert.responders.some((responder) => {
    const pool = responder.type === 'user' ? users : responder.type === 'team' ? teams : undefined
    if (pool === undefined) return false
    return (
      (responder.id !== undefined && pool.has(responder.id)) ||
      (responder.name !== undefined && pool.has(responder.name))
    )
  })
}

/**
 * Whether a newly seen alert notifies and rings. Ringing priorities can pass quiet hours and a
 * pause (each a setting); they never pass the priority or "mine" filters, which say what the
 * responder cares about at all.
 */
export function decide(
  alert: Alert,
  settings: NotificationSettings,
  me: Identity,
  now: number,
): Decision {
  if (alert.status === 'closed') return { notify: false, reason: 'closed' }
  if (alert.acknowledged) return { notify: false, reason: 'acknowledged' }
  if (alert.snoozed) return { notify: false, reason: 'snoozed' }
  const ring = settings.ringPriorities.includes(alert.priority)
  if (!ring && !settings.notifyPriorities.includes(alert.priority)) {
    return { notify: false, reason: 'priority' }
  }
  if (settings.scope === 'mine' && !isMine(alert, me)) return { notify: false, reason: 'not-mine' }
  const paused = settings.pausedUntil !== null && now < settings.pausedUntil
  if (paused && !(ring && settings.pauseAllowsRinging)) return { notify: false, reason: 'paused' }
  if (
    inQuietHours(settings.quietHours, new Date(now)) &&
    !(ring && settings.quietHours.allowRinging)
  ) {
    return { notify: false, reason: 'quiet-hours' }
  }
  return { notify: true, ring }
}
