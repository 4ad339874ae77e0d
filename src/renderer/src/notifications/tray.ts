import type { Alert, Priority } from '../../../shared/domain'
import type { ConnectionHealth, TrayStatus } from '../../../shared/ipc/schemas'

type TrayAlert = Pick<Alert, 'status' | 'acknowledged' | 'priority'>

/** What the tray needs of the open alerts: counts, kept without the rows (a cache may hold 100,000). */
export interface OpenCounts {
  readonly open: number
  /** Open and unacknowledged, by priority. */
  readonly unacknowledged: Readonly<Partial<Record<Priority, number>>>
}

export const NO_OPEN_ALERTS: OpenCounts = { open: 0, unacknowledged: {} }

/** `counts` with `alerts` added (closed ones are skipped). */
export function addOpenCounts(counts: OpenCounts, alerts: readonly TrayAlert[]): OpenCounts {
  let open = counts.open
  const unacknowledged = { ...counts.unacknowledged }
  for (const alert of alerts) {
    if (alert.status !== 'open') continue
    open += 1
    if (!alert.acknowledged)
      unacknowledged[alert.priority] = (unacknowledged[alert.priority] ?? 0) + 1
  }
  return { open, unacknowledged }
}

/** Several workspaces' counts as one. */
export function sumOpenCounts(all: readonly OpenCounts[]): OpenCounts {
  let open = 0
  const unacknowledged: Partial<Record<Priority, number>> = {}
  for (const counts of all) {
    open += counts.open
    for (const [priority, n] of Object.entries(counts.unacknowledged) as [Priority, number][])
      unacknowledged[priority] = (unacknowledged[priority] ?? 0) + n
  }
  return { open, unacknowledged }
}

export interface TrayInputs {
  /** The open alerts of every connected workspace, counted (`addOpenCounts`). */
  readonly open: OpenCounts
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
  const { open, unacknowledged } = inputs.open
  const counts = Object.values(unacknowledged)
  const base = {
    openAlerts: open,
    queuedCommands: inputs.queuedCommands,
    unacknowledged: counts.reduce((a, b) => a + b, 0),
    ringing: inputs.ringing ?? false,
  }
  if (urgent.some((priority) => (unacknowledged[priority] ?? 0) > 0)) {
    return { state: 'unacknowledged-p1', ...base }
  }
  if (inputs.health.some((state) => state === 'offline')) return { state: 'offline', ...base }
  return { state: open > 0 ? 'open' : 'clear', ...base }
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
