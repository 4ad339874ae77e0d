import { dialog } from 'electron'
import type { ShellLog } from './log'
import type { EmitEvent } from './renderer-events'
import type { RingingState } from './ringing'
import { chooseFeed } from './update-feed'
import { readPackagedUpdateConfig, windowsSignatureCheck } from './update-signature'

/** The part of electron-updater's AppUpdater the shell uses. */
export interface UpdaterLike {
  autoDownload: boolean
  setFeedURL(options: { provider: 'generic'; url: string }): void
  checkForUpdates(): Promise<unknown>
  quitAndInstall(): void
  on(
    event: 'update-available' | 'update-downloaded',
    listener: (info: { version: string }) => void,
  ): unknown
  on(event: 'error', listener: (error: Error) => void): unknown
}

export interface UpdateDeps {
  /** ONDECK_UPDATE_URL at run time: honoured only for a loopback test feed (see `chooseFeed`). */
  readonly feedUrl: string | undefined
  readonly isPackaged: boolean
  readonly emit: EmitEvent
  readonly log: ShellLog
  /** Lets windows close for the install instead of hiding to the tray. */
  readonly beforeInstall: () => void
  readonly load?: () => Promise<UpdaterLike>
  readonly platform?: NodeJS.Platform
  /** app-update.yml's text (the packaged feed, and Windows' publisher); undefined when missing. */
  readonly readUpdateConfig?: () => string | undefined
  /** Whether an alarm rings: an accepted install waits until it stops (see `ringing.ts`). */
  readonly ringing?: Pick<RingingState, 'isRinging' | 'whenQuiet'>
}

export type UpdateCheck = 'skipped' | 'checked' | 'failed'

/** Loaded only when a feed is set, so a build without one never touches the updater. */
async function loadElectronUpdater(): Promise<UpdaterLike> {
  const module = await import('electron-updater')
  return module.default.autoUpdater
}

/**
 * Checks the feed built into the app (app-update.yml, see `chooseFeed`) once at start, never
 * replacing electron-updater's own signature check (`verifyUpdateCodeSignature`); on Windows only
 * when that check has a publisher to verify against (see `windowsSignatureCheck`). A new version is announced to the renderer and,
 * once downloaded, offered with "Restart to update"; the user decides when, since a restart in
 * the middle of an incident is worse than an old version. Failures are logged, never thrown.
 */
export async function checkForUpdatesOnStart(deps: UpdateDeps): Promise<UpdateCheck> {
  const updateConfig = deps.isPackaged
    ? (deps.readUpdateConfig ?? readPackagedUpdateConfig)()
    : undefined
  const feed = chooseFeed({
    isPackaged: deps.isPackaged,
    packagedConfig: updateConfig,
    override: deps.feedUrl,
  })
  if (!feed.check) {
    if (feed.misconfigured) deps.log.warn(`update check skipped: ${feed.reason}`)
    else deps.log.info(`update check skipped: ${feed.reason}`)
    return 'skipped'
  }
  if ((deps.platform ?? process.platform) === 'win32') {
    const signature = windowsSignatureCheck(updateConfig)
    if (!signature.ok) {
      deps.log.warn(`update check skipped: updates could not be verified (${signature.reason})`)
      return 'skipped'
    }
  }
  try {
    const updater = await (deps.load ?? loadElectronUpdater)()
    updater.autoDownload = true
    // The packaged feed is app-update.yml, which electron-updater reads itself.
    if (feed.source === 'override') updater.setFeedURL({ provider: 'generic', url: feed.url })
    deps.log.info(`checking for updates at ${feed.url}`)
    updater.on('error', (error) => deps.log.warn('update failed', error))
    updater.on('update-available', (info) => {
      deps.emit('app:updateAvailable', { version: info.version })
    })
    updater.on('update-downloaded', (info) => void offerRestart(updater, info.version, deps))
    await updater.checkForUpdates()
    return 'checked'
  } catch (error) {
    deps.log.warn('update check failed', error)
    return 'failed'
  }
}

async function offerRestart(
  updater: UpdaterLike,
  version: string,
  deps: UpdateDeps,
): Promise<void> {
  try {
    const { response } = await dialog.showMessageBox({
      type: 'info',
      title: 'Ondeck',
      message: `Ondeck ${version} is ready to install`,
      detail: 'Commands not yet sent are kept and sent after the restart.',
      buttons: ['Restart to update', 'Later'],
      defaultId: 0,
      cancelId: 1,
    })
    if (response !== 0) return
    // A restart silences the alarm and hides the page someone must take: never while it rings.
    if (deps.ringing?.isRinging() === true) {
      deps.log.info('update install waits: an alarm is ringing')
      await deps.ringing.whenQuiet()
    }
    deps.beforeInstall()
    updater.quitAndInstall()
  } catch (error) {
    deps.log.warn('update install failed', error)
  }
}
