import { app } from 'electron'
import { resolve } from 'node:path'
import { DEEP_LINK_SCHEME } from '../../shared/ipc/links'
import { linkInArgv, type DeepLinks } from './deep-link'

export interface ProtocolClientOptions {
  /** The command line this instance started with (Windows and Linux pass a link in it). */
  readonly argv: readonly string[]
  /** `process.defaultApp`: Electron runs a script (development), not a packaged app. */
  readonly defaultApp: boolean
  readonly execPath: string
  readonly log: { warn(message: string): void }
}

/**
 * Makes Ondeck the OS's handler of `ondeck://` and routes every way a link arrives into
 * `links.open`: macOS' `open-url` (also for the link that launched the app, so it must be
 * registered before `ready`), and on Windows and Linux the command line of this start. A link
 * given to a second start arrives through `second-instance` (see `claimSingleInstance`).
 * Packaged builds also declare the scheme (electron-builder's `protocols`).
 */
export function registerProtocolClient(links: DeepLinks, options: ProtocolClientOptions): void {
  const script = options.argv[1]
  // In development Electron runs a script: the OS must start it with that script's path.
  const registered =
    options.defaultApp && script !== undefined
      ? app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME, options.execPath, [resolve(script)])
      : app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME)
  if (!registered)
    options.log.warn(`could not register as the handler of ${DEEP_LINK_SCHEME}:// links`)
  app.on('open-url', (event, url) => {
    event.preventDefault()
    links.open(url)
  })
  const initial = linkInArgv(options.argv)
  if (initial !== undefined) links.open(initial)
}
