import type { TrayStatus } from '../../shared/ipc/schemas'
import { assertNever } from '../../shared/assert-never'

export type TrayState = TrayStatus['state']

export const TRAY_STATES: readonly TrayState[] = ['clear', 'open', 'unacknowledged-p1', 'offline']

/** The icon file (in `resources/tray/`, with an `@2x` sibling) for each state. */
export function trayIconFile(state: TrayState): string {
  switch (state) {
    case 'clear':
      return 'clear.png'
    case 'open':
      return 'open.png'
    case 'unacknowledged-p1':
      return 'p1.png'
    case 'offline':
      return 'offline.png'
    default:
      return assertNever(state, 'tray state')
  }
}

function headline(state: TrayState): string {
  switch (state) {
    case 'clear':
      return 'all clear'
    case 'open':
      return 'open alerts'
    case 'unacknowledged-p1':
      return 'unacknowledged P1'
    case 'offline':
      return 'offline'
    default:
      return assertNever(state, 'tray state')
  }
}

/**
 * The number the badge, the taskbar overlay and the macOS menu-bar title show: the alerts that
 * ring and nobody has acknowledged (acknowledging stops ringing). Not every unacknowledged alert:
 * a P3 left open overnight must not look like a page. An older renderer that sends no count
 * shows nothing rather than a number that means something else.
 */
export function ringingBadge(status: TrayStatus): number {
  return status.ringingCount ?? 0
}

const count = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`

const clock = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' })

/** Hover text: the state, the alarm while it rings, the counts (always both), and a pause if one is on. */
export function trayTooltip(status: TrayStatus, pausedUntil: number | null): string {
  const lines = [
    `Ondeck: ${headline(status.state)}`,
    `${count(status.openAlerts, 'open alert')}, ${count(status.queuedCommands, 'queued command')}`,
  ]
  // The alarm first thing after the state: how many alerts ring (not every unacknowledged one
  // does); an older renderer that sends no count falls back to the unacknowledged alerts.
  if (status.ringing === true || (status.ringingCount ?? 0) > 0)
    lines.splice(
      1,
      0,
      status.ringingCount !== undefined
        ? `Alarm ringing: ${count(status.ringingCount, 'alert')} ${status.ringingCount === 1 ? 'rings' : 'ring'}`
        : `Alarm ringing: ${count(status.unacknowledged ?? 0, 'unacknowledged alert')}`,
    )
  if (pausedUntil !== null) lines.push(`Notifications paused until ${clock.format(pausedUntil)}`)
  return lines.join('\n')
}
