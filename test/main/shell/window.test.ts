import { beforeEach, describe, expect, it, vi } from 'vitest'
import { electronMock, electronState } from '../../support/electron-mock'

vi.mock('electron', () => electronMock)

const { createMainWindow, isAppOrigin } = await import('../../../src/main/shell/window')

describe('main window', () => {
  beforeEach(() => {
    electronState.reset()
    delete process.env['ELECTRON_RENDERER_URL']
  })

  it('is sandboxed with context isolation and no node integration', () => {
    createMainWindow()
    const prefs = electronState.windows[0]?.options['webPreferences'] as Record<string, unknown>
    expect(prefs).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false })
  })

  it('grants notifications and denies every other permission', () => {
    createMainWindow()
    const answers: Record<string, boolean> = {}
    for (const permission of ['notifications', 'media', 'geolocation', 'clipboard-read']) {
      electronState.permissionHandler?.(
        {},
        permission,
        (granted) => (answers[permission] = granted),
      )
    }
    expect(answers).toEqual({
      notifications: true,
      media: false,
      geolocation: false,
      'clipboard-read': false,
    })
  })

  it('denies window.open and only hands https links to the browser', () => {
    createMainWindow()
    const handler = electronState.windows[0]?.webContents.windowOpenHandler
    expect(handler?.({ url: 'https://app.opsgenie.com/alert/1' })).toEqual({ action: 'deny' })
    expect(handler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' })
    expect(electronState.openedExternal).toEqual(['https://app.opsgenie.com/alert/1'])
  })

  it('blocks navigation away from the app', () => {
    createMainWindow()
    const event = { preventDefault: vi.fn() }
    electronState.windows[0]?.webContents.emit('will-navigate', event, 'https://evil.example/')
    expect(event.preventDefault).toHaveBeenCalledOnce()
  })

  it('knows its own origins', () => {
    expect(isAppOrigin('file:///app/index.html', undefined)).toBe(true)
    expect(isAppOrigin('https://evil.example/', undefined)).toBe(false)
    expect(isAppOrigin('http://localhost:5173/x', 'http://localhost:5173/')).toBe(true)
    expect(isAppOrigin('http://localhost:5174/x', 'http://localhost:5173/')).toBe(false)
    expect(isAppOrigin('http://localhost:5173.evil.example/', 'http://localhost:5173')).toBe(false)
    expect(isAppOrigin('not a url', undefined)).toBe(false)
  })
})
