import { useCallback, useEffect, useRef, useState } from 'react'
import {
  createAlarmStore,
  type AlarmStore,
  connectNotificationCenter,
  createBeep,
  createNotificationCenter,
  createShowPort,
  createWebNotifier,
  type NotificationCenter,
} from '.'
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
 * The notification center of the open workspace. Browser mode (no preload, `window.ondeck`
 * undefined) falls back to Web Notifications; the desktop app lets main show them.
 */
export function useNotificationCenter(entry: WorkspaceEntry): NotificationWiring {
  const { api, settings } = useAppServices()
  const stored = useNotificationSettings(settings)
  const handlersRef = useRef<NotificationHandlers | undefined>(undefined)
  const [center, setCenter] = useState<NotificationCenter>()
  const current = useRef<NotificationCenter | undefined>(undefined)
  // Set when the center is made (the effect below); until then nothing is fed.
  const openedAt = useRef(0)
  const enableRef = useRef<() => void>(() => undefined)

  useEffect(() => {
    const browserMode = window.ondeck === undefined
    openedAt.current = Date.now()
    const alarm = createAlarmStore()
    const sound = makeSound(alarm)
    enableRef.current = sound.enable
    const made: NotificationCenter = createNotificationCenter({
      show: createShowPort(
        api,
        browserMode
          ? createWebNotifier({ onAction: (action) => void made.handleAction(action) })
          : undefined,
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
    const disconnect = connectNotificationCenter(api, made)
    current.current = made
    setCenter(made)
    return () => {
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
