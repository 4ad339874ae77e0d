import { beforeEach, describe, expect, it, vi } from 'vitest'
import { electronMock, electronState, electronUpdaterMock } from '../../support/electron-mock'

vi.mock('electron', () => electronMock)
vi.mock('electron-updater', () => electronUpdaterMock)

const { createMainWindow } = await import('../../../src/main/shell/window')
const { eventsTo } = await import('../../../src/main/shell/renderer-events')
const { checkForUpdatesOnStart } = await import('../../../src/main/shell/updater')

const FEED = 'https://updates.example.com/ondeck/'
/** app-update.yml as electron-builder writes it from `publish` (ONDECK_UPDATE_URL at build time). */
const PACKAGED = `provider: generic\nurl: ${FEED}\n`

function setup() {
  const window = createMainWindow()
  const log = { info: vi.fn(), warn: vi.fn() }
  const beforeInstall = vi.fn()
  const deps = {
    emit: eventsTo(() => window),
    log,
    beforeInstall,
    readUpdateConfig: (): string | undefined => PACKAGED,
  }
  const available = () => electronState.windows[0]?.webContents.sentOn('app:updateAvailable')
  return { deps, log, beforeInstall, available, updater: electronState.updater }
}

describe('updater', () => {
  beforeEach(() => electronState.reset())

  it('does not check a build without a feed', async () => {
    const { deps, updater, log } = setup()
    const unfed = {
      ...deps,
      feedUrl: undefined,
      isPackaged: true,
      readUpdateConfig: () => undefined,
    }
    expect(await checkForUpdatesOnStart(unfed)).toBe('skipped')
    expect(updater.checks).toBe(0)
    expect(log.info).toHaveBeenCalledWith(expect.stringContaining('no app-update.yml'))
  })

  it('does not check in development, even with a feed', async () => {
    const { deps, updater } = setup()
    expect(await checkForUpdatesOnStart({ ...deps, feedUrl: FEED, isPackaged: false })).toBe(
      'skipped',
    )
    expect(updater.checks).toBe(0)
  })

  it('warns about a feed that is not https and does not check it', async () => {
    const { deps, updater, log } = setup()
    const readUpdateConfig = () => 'provider: generic\nurl: http://updates.example.com/\n'
    const plain = { ...deps, feedUrl: undefined, isPackaged: true, readUpdateConfig }
    expect(await checkForUpdatesOnStart(plain)).toBe('skipped')
    expect(updater.checks).toBe(0)
    expect(log.warn).toHaveBeenCalledWith(expect.stringContaining('must be an https URL'))
  })

  it('refuses a run-time ONDECK_UPDATE_URL off this computer, and takes a loopback test feed', async () => {
    const { deps, updater, log } = setup()
    const elsewhere = { ...deps, isPackaged: true, feedUrl: 'https://evil.example.net/ondeck' }
    expect(await checkForUpdatesOnStart(elsewhere)).toBe('skipped')
    expect(updater.checks).toBe(0)
    expect(log.warn).toHaveBeenCalledWith(expect.stringContaining('only name a test feed'))
    const local = { ...deps, isPackaged: true, feedUrl: 'http://127.0.0.1:8080/' }
    expect(await checkForUpdatesOnStart(local)).toBe('checked')
    expect(updater.feed).toEqual({ provider: 'generic', url: 'http://127.0.0.1:8080/' })
  })

  it('checks the packaged feed and announces a new version to the renderer', async () => {
    const { deps, updater, available } = setup()
    expect(await checkForUpdatesOnStart({ ...deps, feedUrl: undefined, isPackaged: true })).toBe(
      'checked',
    )
    // electron-updater reads app-update.yml itself; the shell does not replace the feed.
    expect(updater.feed).toBeUndefined()
    expect(updater.checks).toBe(1)
    updater.emit('update-available', { version: '2.0.0' })
    expect(available()).toEqual([{ version: '2.0.0' }])
  })

  it('offers "Restart to update" once downloaded and installs when accepted', async () => {
    const { deps, updater, beforeInstall } = setup()
    await checkForUpdatesOnStart({ ...deps, feedUrl: undefined, isPackaged: true })
    updater.emit('update-downloaded', { version: '2.0.0' })
    await vi.waitFor(() => expect(updater.installs).toBe(1))
    expect(electronState.dialogs[0]).toMatchObject({ buttons: ['Restart to update', 'Later'] })
    expect(beforeInstall).toHaveBeenCalledOnce()
  })

  it('leaves the install for later when the user says so', async () => {
    const { deps, updater, beforeInstall } = setup()
    await checkForUpdatesOnStart({ ...deps, feedUrl: undefined, isPackaged: true })
    electronState.dialogAnswers.push(1)
    updater.emit('update-downloaded', { version: '2.0.0' })
    await vi.waitFor(() => expect(electronState.dialogs.length).toBe(1))
    await new Promise((r) => setImmediate(r))
    expect(updater.installs).toBe(0)
    expect(beforeInstall).not.toHaveBeenCalled()
  })

  it('logs a failed check or download instead of crashing', async () => {
    const { deps, updater, log } = setup()
    updater.checkFailure = new Error('getaddrinfo ENOTFOUND updates.example.com')
    expect(await checkForUpdatesOnStart({ ...deps, feedUrl: undefined, isPackaged: true })).toBe(
      'failed',
    )
    expect(log.warn).toHaveBeenCalledWith('update check failed', updater.checkFailure)
    updater.emit('error', new Error('download interrupted'))
    expect(log.warn).toHaveBeenCalledWith('update failed', expect.any(Error))
  })

  it('on Windows, refuses to update unless app-update.yml names the publisher to verify', async () => {
    const { deps, updater, log } = setup()
    const win = { ...deps, feedUrl: undefined, isPackaged: true, platform: 'win32' as const }
    const unsigned = [
      PACKAGED,
      `${PACKAGED}publisherName:\n`,
      `${PACKAGED}publisherName:\n  - Ondeck\nverifyUpdateCodeSignature: false\n`,
    ]
    for (const text of unsigned) {
      const result = await checkForUpdatesOnStart({ ...win, readUpdateConfig: () => text })
      expect(result, String(text)).toBe('skipped')
    }
    expect(updater.checks).toBe(0)
    expect(log.warn).toHaveBeenCalledWith(expect.stringContaining('publisherName'))
    const signed = `${PACKAGED}publisherName:\n  - Ondeck\n`
    const result = await checkForUpdatesOnStart({ ...win, readUpdateConfig: () => signed })
    expect(result).toBe('checked')
  })

  it('never replaces the updater signature check', async () => {
    const { deps, updater } = setup()
    const original = updater.verifyUpdateCodeSignature
    await checkForUpdatesOnStart({ ...deps, feedUrl: undefined, isPackaged: true })
    expect(updater.verifyUpdateCodeSignature).toBe(original)
  })

  it('logs an updater that cannot even load', async () => {
    const { deps, log } = setup()
    const load = () => Promise.reject(new Error('no app-update.yml'))
    const result = await checkForUpdatesOnStart({
      ...deps,
      feedUrl: undefined,
      isPackaged: true,
      load,
    })
    expect(result).toBe('failed')
    expect(log.warn).toHaveBeenCalledWith('update check failed', expect.any(Error))
  })
})
