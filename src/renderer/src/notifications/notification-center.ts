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
}

export interface NotificationCenter {
  readonly alarm: AlarmStore
  handleChange(change: AlertChange): Decision | undefined
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
        show(alertRequest(alert, decision.ring))
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

  /** An update can only stop ringing, or start it when a notified alert is raised to a ringing priority. */
  const onUpdated = (alert: Alert): Decision => {
    const decision = decide(alert, settings, me, ports.now())
    if (!decision.notify || !decision.ring) ringer.stop(alert.id)
    else if (notified.has(alert.id) && !ringer.isRinging(alert.id)) {
      ringer.start(alert.id)
      show(alertRequest(alert, true))
    }
    return decision
  }

  return {
    alarm,
    handleChange(change) {
      switch (change.kind) {
        case 'created':
          return onCreated(change.alert)
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
