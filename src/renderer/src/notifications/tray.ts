import type { Alert, Priority } from '../../../shared/domain'
import type { ConnectionHealth, TrayStatus } from '../../../shared/ipc/schemas'

type TrayAlert = Pick<Alert, 'status' | 'acknowledged' | 'priority'>

export interface TrayInputs {
  /** Open alerts (or any alerts: closed ones are skipped). */
  readonly alerts: readonly TrayAlert[]
  /** Health of every connected workspace; any one offline makes the tray offline. */
  readonly health: readonly ConnectionHealth['state'][]
  readonly queuedCommands: number
  readonly urgentPriorities?: readonly Priority[]
  /** An alarm is ringing (the ringer's store): main bounces the dock and holds updates. */
  readonly ringing?: boolean
}

/**
 * An unacknowledged P1 outranks being offline: it is a page someone must take now, and the cache
 * already knows about it. Offline outranks ordinary open alerts, because the count may be stale
 * and new pages may not be arriving.
 */
export function deriveTrayStatus(inputs: TrayInputs): TrayStatus {
  const urgent = inputs.urgentPriorities ?? ['P1']
  const open = inputs.alerts.filter((alert) => alert.status === 'open')
  const base = {
    openAlerts: open.length,
    queuedCommands: inputs.queuedCommands,
    unacknowledged: open.filter((alert) => !alert.acknowledged).length,
    ringing: inputs.ringing ?? false,
  }
  if (open.some((alert) => !alert.acknowledged && urgent.includes(alert.priority))) {
    return { state: 'unacknowledged-p1', ...base }
  }
  if (inputs.health.some((state) => state === 'offline')) return { state: 'offline', ...base }
  return { state: open.length > 0 ? 'open' : 'clear', ...base }
}

export function sameTrayStatus(a: TrayStatus, b: TrayStatus): boolean {
  return (
    a.state === b.state &&
    a.openAlerts === b.openAlerts &&
    a.queuedCommands === b.queuedCommands &&
    a.unacknowledged === b.unacknowledged &&
    a.ringing === b.ringing &&
    a.ringingCount === b.ringingCount
  )
}

/** Pushes to main only when the status changes: the cache fires on every ingest batch. */
export function createTrayPusher(
  setTray: (status: TrayStatus) => unknown,
): (status: TrayStatus) => boolean {
  let last: TrayStatus | undefined
  return (status) => {
    if (last !== undefined && sameTrayStatus(last, status)) return false
    last = status
    // When main refuses or is unreachable, forget what was sent so the next status is tried again.
    const forget = (): void => {
      if (last === status) last = undefined
    }
    void Promise.resolve(setTray(status)).then((answer) => {
      if (typeof answer === 'object' && answer !== null && 'ok' in answer && answer.ok === false)
        forget()
    }, forget)
    return true
  }
}
