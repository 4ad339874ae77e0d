import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { OndeckApi } from '../../../src/shared/ipc/api'
import { electronMock, electronState, FakeFrame } from '../../support/electron-mock'

vi.mock('electron', () => electronMock)

/**
 * Main and the real preload over the shared mock: a notification button pressed while no page
 * listens must reach the next page exactly once, even across a restart of main.
 */
let userData: string
const log = { info: vi.fn(), warn: vi.fn() }
const platform = process.platform

async function startMain() {
  vi.resetModules()
  const { startDesktopShell } = await import('../../../src/main/shell/start-desktop')
  const { bindActionHandoff } = await import('../../../src/main/shell/ipc/bind')
  const shell = startDesktopShell({
    devServerUrl: undefined,
    updateFeedUrl: undefined,
    userDataDir: userData,
    log,
  })
  bindActionHandoff(shell.actions, { isAppFrame: shell.isAppFrame })
  const window = electronState.windows.at(-1)
  if (window === undefined) throw new Error('no window was created')
  return { shell, window }
}

/** Loads a page with the real preload into the window and returns its `window.ondeck`. */
async function loadPage(): Promise<OndeckApi> {
  electronState.renderer.unload()
  const contents = electronState.windows.at(-1)?.webContents
  if (contents === undefined) throw new Error('no window to load into')
  electronState.renderer.attach(contents)
  vi.resetModules()
  await import('../../../src/preload/index')
  return electronState.renderer.exposed['ondeck'] as OndeckApi
}

/** Shows a notification and presses its Acknowledge button. */
async function pressAcknowledge(shell: Awaited<ReturnType<typeof startMain>>['shell']) {
  const request = { id: 'alert-7', title: 'P1', body: '', actions: ['acknowledge' as const] }
  await shell.handlers['notifications:show']({ ...request, urgent: false }, { url: '' })
  electronState.notifications.at(-1)?.emit('action', { actionIndex: 0 }, 0)
}

const acknowledged = { notificationId: 'alert-7', action: 'acknowledge' }

describe('notification action hand-off', () => {
  beforeEach(() => {
    electronState.reset()
    userData = mkdtempSync(join(tmpdir(), 'ondeck-handoff-'))
    electronState.paths['userData'] = userData
    Object.defineProperty(process, 'platform', { value: 'darwin', configurable: true })
  })
  afterEach(() => {
    rmSync(userData, { recursive: true, force: true })
    Object.defineProperty(process, 'platform', { value: platform, configurable: true })
  })

  it('delivers an action to a listening page once', async () => {
    const { shell } = await startMain()
    const page = await loadPage()
    const got = vi.fn()
    page.notifications.onAction(got)
    await pressAcknowledge(shell)
    page.notifications.onAction(vi.fn())
    expect(got.mock.calls).toEqual([[acknowledged]])
  })

  it('keeps an Acknowledge pressed while the page reloads for the next page', async () => {
    const { shell } = await startMain()
    await loadPage()
    electronState.renderer.unload()
    await pressAcknowledge(shell)
    const next = await loadPage()
    const got = vi.fn()
    next.notifications.onAction(got)
    next.notifications.onAction(vi.fn())
    expect(got.mock.calls).toEqual([[acknowledged]])
  })

  it('keeps it across a restart of main, and forgets it once the page took it', async () => {
    const first = await startMain()
    await pressAcknowledge(first.shell)

    electronState.reset()
    electronState.paths['userData'] = userData
    await startMain()
    const page = await loadPage()
    const got = vi.fn()
    page.notifications.onAction(got)
    expect(got.mock.calls).toEqual([[acknowledged]])

    electronState.reset()
    electronState.paths['userData'] = userData
    await startMain()
    const again = vi.fn()
    ;(await loadPage()).notifications.onAction(again)
    expect(again).not.toHaveBeenCalled()
  })

  it('ignores ready and taken from a frame that is not the app window', async () => {
    const { shell } = await startMain()
    await pressAcknowledge(shell)
    electronState.renderer.frame = new FakeFrame('app://ondeck/index.html')
    const page = await loadPage()
    const got = vi.fn()
    page.notifications.onAction(got)
    expect(got).not.toHaveBeenCalled()
    electronState.renderer.frame = undefined
    page.notifications.onAction(got)
    expect(got.mock.calls).toEqual([[acknowledged]])
  })
})
