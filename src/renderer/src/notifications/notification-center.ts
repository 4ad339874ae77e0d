import type { Alert } from '../../../shared/domain'
import { assertNever } from '../../../shared/assert-never'
import { createAlarmStore, type AlarmStore } from './alarm-store'
import {
  routeAction,
  type ActionCallbacks,
  type NotificationAction,
  type RoutedAction,
} from './action-router'
import { alertRequest, summaryRequest, type NotificationRequest } from './requests'
import { createRinger } from './ringer'
import { decide, type Decision } from './rules'
import {
  DEFAULT_NOTIFICATION_SETTINGS,
  NOBODY,
  type Identity,
  type NotificationSettings,
} from './settings'
import { createStormControl } from './storm'
import { browserTimers, type Timers } from './timers'

/** What ingest reports after applying an event, with the alert as it now stands in the cache. */
export interface AlertChange {
  readonly kind: 'created' | 'acknowledged' | 'closed' | 'updated'
  readonly alert: Alert
}

export interface NotificationPorts extends ActionCallbacks {
  readonly show: (request: NotificationRequest) => unknown
  readonly playSound: () => void
  readonly now: () => number
  readonly timers?: Timers
  readonly onError?: (error: unknown) => void
  readonly alarm?: AlarmStore
  /** Team names for a notification's body (the directory is the caller's); ids are never shown. */
  readonly teamNames?: (alert: Alert) => readonly string[]
}

/**
 * How a change reached the center. `catch-up` is what the app learns on opening (the cache it
 * starts from, reconciliation, the relay's backlog): it rings when the ringing rules say so, but is
 * not news, so it shows no notification and never counts towards a storm.
 */
export type ChangeOrigin = 'live' | 'catch-up'

export interface NotificationCenter {
  readonly alarm: AlarmStore
  handleChange(change: AlertChange, origin?: ChangeOrigin): Decision | undefined
  /**
   * Rebuilds the ringing set from the cache's open alerts when the workspace opens: after a
   * reload, or for a P1 that was already open at launch. The ringing rules decide, not whether
   * the alert is new; nothing is shown as a notification. Any order: what rings is started
   * oldest first, as live ringing is (the banner names the one that has waited longest).
   */
  restore(alerts: readonly Alert[]): void
  /** Acknowledges, through `onAcknowledge`, everything that rings; returns the alert ids. */
  acknowledgeRinging(): readonly string[]
  /** Holds the sound for `ms` ("Silence for 5 minutes"); what rings stays on screen. */
  silence(ms: number): void
  handleAction(action: NotificationAction): RoutedAction
  settings(): NotificationSettings
  setSettings(settings: NotificationSettings): void
  setIdentity(me: Identity): void
  setPausedUntil(until: number | null): void
  dispose(): void
}

const SUMMARY_EVERY_MS = 10_000
/** Ids already notified, so Opsgenie's repeated Create (routing to another team) stays one notification. */
const REMEMBERED_IDS = 5_000

export function createNotificationCenter(
  ports: NotificationPorts,
  initial = DEFAULT_NOTIFICATION_SETTINGS,
): NotificationCenter {
  const timers = ports.timers ?? browserTimers
  const alarm = ports.alarm ?? createAlarmStore()
  let settings = initial
  let me: Identity = NOBODY
  let storm = createStormControl(settings.stormThreshold, SUMMARY_EVERY_MS)
  let flushTimer: unknown
  const notified = new Set<string>()
  const ringer = createRinger({
    playSound: ports.playSound,
    alarm,
    timers,
    intervalMs: () => settings.ringIntervalMs,
    now: ports.now,
  })

  const show = (request: NotificationRequest): void => {
    try {
      void Promise.resolve(ports.show(request)).catch((error: unknown) => ports.onError?.(error))
    } catch (error) {
      ports.onError?.(error)
    }
  }
  const flush = (): void => {
    flushTimer = undefined
    const summary = storm.flush(ports.now())
    if (summary !== undefined) show(summaryRequest(summary))
  }
  const remember = (alertId: string): void => {
    notified.add(alertId)
    if (notified.size > REMEMBERED_IDS) notified.delete(notified.values().next().value ?? alertId)
  }

  const onCreated = (alert: Alert): Decision | undefined => {
    if (notified.has(alert.id)) return undefined
    const decision = decide(alert, settings, me, ports.now())
    if (!decision.notify) return decision
    remember(alert.id)
    if (decision.ring) ringer.start(alert.id)
    const admission = storm.admit(alert.priority, decision.ring, ports.now())
    switch (admission.kind) {
      case 'single':
        show(alertRequest(alert, decision.ring, ports.now(), ports.teamNames?.(alert)))
        break
      case 'summary':
        show(summaryRequest(admission.summary))
        break
      case 'held':
        flushTimer ??= timers.setTimeout(flush, SUMMARY_EVERY_MS)
        break
      default:
        assertNever(admission, 'storm admission')
    }
    return decision
  }

  /** Rings by the rules, remembered so a later live Create of the same alert is not news. */
  const onCaughtUp = (alert: Alert): Decision | undefined => {
    if (notified.has(alert.id)) return undefined
    const decision = decide(alert, settings, me, ports.now())
    if (!decision.notify) return decision
    remember(alert.id)
    if (decision.ring) ringer.start(alert.id)
    return decision
  }

  /** An update can only stop ringing, or start it when a notified alert is raised to a ringing priority. */
  const onUpdated = (alert: Alert): Decision => {
    const decision = decide(alert, settings, me, ports.now())
    if (!decision.notify || !decision.ring) ringer.stop(alert.id)
    else if (notified.has(alert.id) && !ringer.isRinging(alert.id)) {
      ringer.start(alert.id)
      show(alertRequest(alert, true, ports.now(), ports.teamNames?.(alert)))
    }
    return decision
  }

  return {
    alarm,
    handleChange(change, origin = 'live') {
      switch (change.kind) {
        case 'created':
          return origin === 'live' ? onCreated(change.alert) : onCaughtUp(change.alert)
        case 'acknowledged':
        case 'closed':
          ringer.stop(change.alert.id)
          return undefined
        case 'updated':
          return onUpdated(change.alert)
        default:
          return assertNever(change.kind, 'alert change')
      }
    },
    restore(alerts) {
      // A cache may hold 100,000 open alerts: decide each once and start what rings in one go (one
      // start per alert copied the ringing list each time). Oldest first, as one at a time would
      // have: the banner names the alert that waited longest, and past REMEMBERED_IDS remembering
      // forgets the oldest. Only what rings is sorted, unless there is more to remember than that.
      const notify: { id: string; at: number; ring: boolean }[] = []
      for (const alert of alerts) {
        if (notified.has(alert.id)) continue
        const decision = decide(alert, settings, me, ports.now())
        if (decision.notify)
          notify.push({ id: alert.id, at: Date.parse(alert.createdAt) || 0, ring: decision.ring })
      }
      const byAge = (a: { at: number }, b: { at: number }): number => a.at - b.at
      if (notify.length > REMEMBERED_IDS) notify.sort(byAge)
      for (const n of notify) remember(n.id)
      const ring = notify.filter((n) => n.ring)
      ringer.startAll((notify.length > REMEMBERED_IDS ? ring : ring.sort(byAge)).map((n) => n.id))
    },
    acknowledgeRinging() {
      const ringing = alarm.getState().ringing
      // Like the banner's button, it keeps ringing until the acknowledgement is applied (the
      // outbox's command, or Opsgenie's answer): the alarm never says more than is true.
      for (const alertId of ringing) ports.onAcknowledge(alertId)
      return ringing
    },
    silence(ms) {
      ringer.silence(ports.now() + ms)
    },
    handleAction(action) {
      const routed = routeAction(action, ports)
      // Acknowledged or closed from the notification: silence now, before the outbox confirms.
      if (routed.kind === 'acknowledge' || routed.kind === 'close') ringer.stop(routed.alertId)
      return routed
    },
    settings: () => settings,
    setSettings(next) {
      if (next.stormThreshold !== settings.stormThreshold)
        storm = createStormControl(next.stormThreshold, SUMMARY_EVERY_MS)
      settings = next
    },
    setIdentity(next) {
      me = next
    },
    setPausedUntil(until) {
      settings = { ...settings, pausedUntil: until }
      if (until !== null && until > ports.now() && !settings.pauseAllowsRinging) ringer.stopAll()
    },
    dispose() {
      if (flushTimer !== undefined) timers.clearTimeout(flushTimer)
      flushTimer = undefined
      ringer.stopAll()
    },
  }
}
