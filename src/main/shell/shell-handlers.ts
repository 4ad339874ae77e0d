import type { IpcHandlers } from '../gateway/ipc/router'
import type { Attention } from './attention'
import type { Notifier } from './notifier'
import type { RingingState } from './ringing'
import type { RingShortcut } from './ring-shortcut'
import type { ShellTray } from './tray'

/** The channels the shell itself answers; the gateway answers the rest. */
export type ShellHandlers = Required<
  Pick<IpcHandlers, 'app:info' | 'notifications:show' | 'tray:setStatus'>
>

export interface ShellHandlerDeps {
  readonly version: string
  readonly notifier: Notifier
  readonly tray: ShellTray
  readonly attention?: Attention
  readonly ringing?: Pick<RingingState, 'set'>
  readonly ringShortcut?: RingShortcut
}

/** Handlers for the router: the router has already checked the sender and parsed the input. */
export function createShellHandlers(deps: ShellHandlerDeps): ShellHandlers {
  return {
    'app:info': async () => ({ version: deps.version, mode: 'desktop' }),
    'notifications:show': async (request) => deps.notifier.show(request),
    'tray:setStatus': async (status) => {
      deps.tray.setStatus(status)
      deps.attention?.update(status)
      deps.ringing?.set(status.ringing ?? false)
      deps.ringShortcut?.update(status.ringing ?? false)
      return {}
    },
  }
}
