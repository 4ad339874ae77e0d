import { useCallback, useEffect, useRef, useState } from 'react'
import {
  createAlarmStore,
  type AlarmStore,
  connectNotificationCenter,
  createBeep,
  createNotificationCenter,
  createShowPort,
  createWebNotifier,
  scopeShowPort,
  unscopedNotificationId,
  type NotificationCenter,
} from '.'
import { registerAlarm } from './ringing-registry'
import type { Alert } from '../../../shared/domain'
import type { AlertChange } from '../sync'
import { useAppServices } from '../app/services'
import type { WorkspaceEntry } from '../settings/settings-db'
import { useNotificationSettings } from './use-notification-settings'

/** What notification buttons do; filled in inside the workspace's providers (the one action path). */
export interface NotificationHandlers {
  acknowledge(alertId: string): void
  close(alertId: string): void
  open(alertId: string): void
  openSummary(): void
  /** Team names for a notification's body, from the workspace's directory. */
  teamNames?(alert: Alert): readonly string[]
}

export interface NotificationWiring {
  readonly center?: NotificationCenter
  /** Set by `<WorkspaceOverlays>` once `useAlertCommands()` is reachable. */
  readonly handlersRef: { current: NotificationHandlers | undefined }
  /**
   * The session's change feed. Only live news notifies: a change reconciliation found, or an alert
   * created before this workspace was opened (the relay's backlog, a fresh profile's first read),
   * is catch-up, which rings by the rules but shows no notification and raises no storm.
   */
  feed(changes: readonly AlertChange[]): void
  /** For the banner's "Sound is blocked: click to enable" (runs inside the click). */
  enableSound(): void
}

/** Jsdom and some sandboxes have no Web Audio; ringing then stays visual (the alarm banner). */
function makeSound(alarm: AlarmStore): { play(): void; enable(): void } {
  if (typeof AudioContext === 'undefined') return { play: () => undefined, enable: () => undefined }
  const beep = createBeep(undefined, (soundBlocked) => alarm.setState({ soundBlocked }))
  return {
    play: () => {
      try {
        beep()
      } catch (error) {
        console.warn('could not play the alarm sound', error)
      }
    },
    enable: () => void beep.enable(),
  }
}

/**
 * The notification center of one connected workspace (the one on screen or one in the
 * background: every connected workspace notifies and rings). Browser mode (no preload,
 * `window.ondeck` undefined) falls back to Web Notifications; the desktop app lets main show
 * them. Its notifications carry the workspace in their id, and in their title while `label`
 * names it (several workspaces connected); its alarm joins the app-wide ringing registry.
 */
export function useNotificationCenter(entry: WorkspaceEntry, label?: string): NotificationWiring {
  const { api, settings } = useAppServices()
  const stored = useNotificationSettings(settings)
  const handlersRef = useRef<NotificationHandlers | undefined>(undefined)
  const [center, setCenter] = useState<NotificationCenter>()
  const current = useRef<NotificationCenter | undefined>(undefined)
  // Set when the center is made (the effect below); until then nothing is fed.
  const openedAt = useRef(0)
  const enableRef = useRef<() => void>(() => undefined)
  const labelRef = useRef(label)
  useEffect(() => {
    labelRef.current = label
  })

  useEffect(() => {
    const browserMode = window.ondeck === undefined
    openedAt.current = Date.now()
    const alarm = createAlarmStore()
    const sound = makeSound(alarm)
    enableRef.current = sound.enable
    const workspaceId = entry.id
    const made: NotificationCenter = createNotificationCenter({
      show: scopeShowPort(
        workspaceId,
        createShowPort(
          api,
          // a Web Notification's click comes back here with the scoped id it was shown under
          browserMode ? createWebNotifier({ onAction: (action) => route(action) }) : undefined,
        ),
        () => labelRef.current,
      ),
      playSound: sound.play,
      alarm,
      now: Date.now,
      onError: (error) => console.warn('notification not shown', error),
      onAcknowledge: (alertId) => handlersRef.current?.acknowledge(alertId),
      onClose: (alertId) => handlersRef.current?.close(alertId),
      onOpen: (alertId) => handlersRef.current?.open(alertId),
      onOpenSummary: () => handlersRef.current?.openSummary(),
      teamNames: (alert) => handlersRef.current?.teamNames?.(alert) ?? [],
    })
    function route(action: Parameters<NotificationCenter['handleAction']>[0]): void {
      const own = unscopedNotificationId(workspaceId, action.notificationId)
      if (own !== undefined) made.handleAction({ ...action, notificationId: own })
    }
    const disconnect = connectNotificationCenter(api, made, workspaceId)
    const unregister = registerAlarm(workspaceId, alarm, () => made.acknowledgeRinging())
    current.current = made
    setCenter(made)
    return () => {
      unregister()
      disconnect()
      made.dispose()
      if (current.current === made) current.current = undefined
    }
  }, [api, entry.id])

  useEffect(() => {
    if (center !== undefined && stored !== undefined) center.setSettings(stored)
  }, [center, stored])

  const username = entry.username
  useEffect(() => {
    center?.setIdentity({
      userIds: [],
      usernames: username === undefined ? [] : [username],
      teams: [],
    })
  }, [center, username])

  const feed = useCallback((changes: readonly AlertChange[]) => {
    for (const change of changes) {
      const news = change.live && Date.parse(change.alert.createdAt) >= openedAt.current
      current.current?.handleChange(change, news ? 'live' : 'catch-up')
    }
  }, [])

  const enableSound = useCallback(() => enableRef.current(), [])

  return { ...(center !== undefined ? { center } : {}), handlersRef, feed, enableSound }
}
