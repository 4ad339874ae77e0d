import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { TrayStatus } from '../../../src/shared/ipc/schemas'
import { electronMock, electronState, type FakeTray } from '../../support/electron-mock'

vi.mock('electron', () => electronMock)

const { startDesktopShell, DESKTOP_SETTINGS_FILE, linuxAutostartFor } =
  await import('../../../src/main/shell/start-desktop')

let userDataDir: string

function start(
  platform: NodeJS.Platform,
  argv: string[] = ['ondeck'],
  linuxAutostart?: { dir: string; exec: string },
) {
  const shell = startDesktopShell({
    ...(linuxAutostart !== undefined ? { linuxAutostart } : {}),
    devServerUrl: undefined,
    updateFeedUrl: undefined,
    userDataDir,
    log: { info: vi.fn(), warn: vi.fn() },
    argv,
    platform,
  })
  const window = electronState.windows[0]
  const tray = electronState.trays[0] as FakeTray
  if (window === undefined) throw new Error('no window was created')
  const report = (status: Partial<TrayStatus>) =>
    shell.handlers['tray:setStatus'](
      { state: 'open', openAlerts: 3, queuedCommands: 0, ...status },
      { url: 'app://ondeck' },
    )
  return { shell, window, tray, report }
}

describe('desktop citizenship', () => {
  beforeEach(() => {
    electronState.reset()
    userDataDir = mkdtempSync(join(tmpdir(), 'ondeck-citizen-'))
  })
  afterEach(() => rmSync(userDataDir, { recursive: true, force: true }))

  describe('badge: alerts that ring unacknowledged', () => {
    it('macOS: the dock badge and the menu-bar title show the count, cleared at zero', async () => {
      const { tray, report } = start('darwin')
      await report({ unacknowledged: 5, ringing: true, ringingCount: 2 })
      expect(electronState.app.badgeCount).toBe(2)
      expect(tray.title).toBe('2')
      await report({ unacknowledged: 3, ringing: false, ringingCount: 0 })
      expect(electronState.app.badgeCount).toBe(0)
      expect(tray.title).toBe('')
    })

    it('counts what rings, not every unacknowledged alert (a quiet P3 shows no badge)', async () => {
      const { tray, report } = start('darwin')
      await report({ unacknowledged: 7, ringingCount: 0 })
      expect(electronState.app.badgeCount).toBe(0)
      expect(tray.title).toBe('')
      // an older renderer that sends no ringing count: no number rather than a wrong one
      await report({ unacknowledged: 7 })
      expect(electronState.app.badgeCount).toBe(0)
    })

    it('Linux: the launcher badge (Unity); no tray title there', async () => {
      const { tray, report } = start('linux')
      await report({ unacknowledged: 9, ringing: true, ringingCount: 4 })
      expect(electronState.app.badgeCount).toBe(4)
      expect(tray.title).toBe('')
    })

    it('Windows: an overlay on the taskbar button that names the count, removed at zero', async () => {
      const { window, report } = start('win32')
      await report({ unacknowledged: 3, ringing: true, ringingCount: 1 })
      expect(window.overlay?.description).toBe('1 alert ringing, unacknowledged')
      expect(electronState.app.badgeCount).toBe(0)
      await report({ unacknowledged: 3, ringing: false, ringingCount: 0 })
      expect(window.overlay).toBeNull()
    })
  })

  describe('while an alarm rings', () => {
    it('macOS: bounces the dock (critical) and stops the bounce when ringing stops', async () => {
      const { report } = start('darwin')
      await report({ ringing: true })
      await report({ ringing: true, openAlerts: 4 })
      expect(electronState.app.dock.bounces).toEqual(['critical'])
      expect(electronState.app.dock.bouncing.size).toBe(1)
      await report({ ringing: false })
      expect(electronState.app.dock.bouncing.size).toBe(0)
    })

    it('Windows and Linux: flashes the taskbar button until ringing stops', async () => {
      for (const platform of ['win32', 'linux'] as const) {
        electronState.reset()
        const { window, report } = start(platform)
        await report({ ringing: true })
        expect(window.flashing).toBe(true)
        await report({ ringing: false })
        expect(window.flashing).toBe(false)
      }
    })

    it('holds the ringing state for the updater', async () => {
      const { shell, report } = start('linux')
      await report({ ringing: true })
      expect(shell.ringing.isRinging()).toBe(true)
      await report({})
      expect(shell.ringing.isRinging()).toBe(false)
    })
  })

  describe('launch at login', () => {
    it('is off until the first workspace connects, then on, started hidden', () => {
      const { shell, tray } = start('darwin')
      expect(shell.loginItem.enabled()).toBe(false)
      expect(electronState.app.loginItem).toEqual({ openAtLogin: false })
      shell.loginItem.workspaceConnected()
      expect(electronState.app.loginItem).toEqual({
        openAtLogin: true,
        args: ['--hidden'],
      })
      expect(shell.loginItem.enabled()).toBe(true)
      expect(tray.menu.find((i) => i.label === 'Open at login')?.checked).toBe(true)
    })

    it('the tray switch turns it off, and a later workspace does not turn it back on', () => {
      const { shell, tray } = start('win32')
      shell.loginItem.workspaceConnected()
      const item = () => tray.menu.find((i) => i.label === 'Open at login')
      expect(item()?.checked).toBe(true)
      tray.clickItem('Open at login')
      expect(electronState.app.loginItem).toMatchObject({ openAtLogin: false })
      expect(item()?.checked).toBe(false)
      shell.loginItem.workspaceConnected()
      expect(electronState.app.loginItem).toMatchObject({ openAtLogin: false })
      const saved: unknown = JSON.parse(
        readFileSync(join(userDataDir, DESKTOP_SETTINGS_FILE), 'utf8'),
      )
      expect(saved).toEqual({ launchAtLogin: false })
    })

    it('remembers the choice across starts', () => {
      start('win32').shell.loginItem.set(true)
      electronState.reset()
      expect(start('win32').shell.loginItem.enabled()).toBe(true)
    })

    it('a login start (--hidden, or macOS opened-as-hidden) shows no window', async () => {
      const hidden = start('win32', ['ondeck.exe', '--hidden']).window
      hidden.emit('ready-to-show')
      expect(hidden.visible).toBe(false)
      electronState.reset()
      electronState.app.wasOpenedAtLogin = true
      const mac = start('darwin').window
      mac.emit('ready-to-show')
      expect(mac.visible).toBe(false)
      electronState.reset()
      const normal = start('win32').window
      normal.emit('ready-to-show')
      expect(normal.visible).toBe(true)
    })

    it('Linux: an XDG autostart entry for the packaged app, removed when turned off', () => {
      const dir = join(userDataDir, 'autostart')
      const exec = '/opt/Ondeck $(x)/ondeck'
      const { shell, tray } = start('linux', ['ondeck'], { dir, exec })
      shell.loginItem.workspaceConnected()
      const entry = readFileSync(join(dir, 'ondeck.desktop'), 'utf8')
      expect(entry).toContain('[Desktop Entry]')
      expect(entry).toContain('Exec="/opt/Ondeck \\$(x)/ondeck" --hidden')
      expect(electronState.app.loginItem).toEqual({ openAtLogin: false })
      tray.clickItem('Open at login')
      expect(existsSync(join(dir, 'ondeck.desktop'))).toBe(false)
    })

    it('Linux in development: no switch (it would start bare Electron)', () => {
      expect(linuxAutostartFor({}, false, '/usr/bin/electron')).toBeUndefined()
      expect(
        linuxAutostartFor({ XDG_CONFIG_HOME: '/c', APPIMAGE: '/a.AppImage' }, true, '/x'),
      ).toEqual({ dir: '/c/autostart', exec: '/a.AppImage' })
      const { tray } = start('linux')
      expect(tray.menu.map((i) => i.label)).not.toContain('Open at login')
    })
  })
})
