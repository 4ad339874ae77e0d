import { beforeEach, describe, expect, it, vi } from 'vitest'
import { electronMock, electronState, fakeEvent } from '../../support/electron-mock'

vi.mock('electron', () => electronMock)

const { createMainWindow, isAppOrigin } = await import('../../../src/main/shell/window')

function openWindow(devServerUrl?: string) {
  createMainWindow(devServerUrl)
  const window = electronState.windows[0]
  if (window === undefined) throw new Error('no window was created')
  return window
}

describe('main window', () => {
  beforeEach(() => electronState.reset())

  it('is sandboxed with context isolation and no node integration', () => {
    const prefs = openWindow().options['webPreferences'] as Record<string, unknown>
    expect(prefs).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false })
  })

  it('loads the app from its own origin, or the dev server when one is given', () => {
    expect(openWindow().loaded).toBe('app://ondeck/index.html')
    electronState.reset()
    expect(openWindow('http://localhost:5173/').loaded).toBe('http://localhost:5173/')
  })

  it('stays hidden until the renderer is ready to show', () => {
    const window = openWindow()
    expect(window.visible).toBe(false)
    window.emit('ready-to-show')
    expect(window.visible).toBe(true)
  })

  it('grants notifications and denies every other permission, on request and on check', () => {
    openWindow()
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
    expect(electronState.permissionCheck?.({}, 'notifications')).toBe(true)
    expect(electronState.permissionCheck?.({}, 'media')).toBe(false)
  })

  it('denies window.open and hands only the provider https links to the browser', () => {
    const handler = openWindow().webContents.windowOpenHandler
    const urls = [
      'https://acme.app.opsgenie.com/alert/detail/1',
      'https://acme.atlassian.net/jira/ops/alerts/1',
      'https://example.com/phish',
      'http://acme.app.opsgenie.com/alert/1',
      'file:///etc/passwd',
      'https://app.opsgenie.com.evil.example/',
    ]
    for (const url of urls) expect(handler?.({ url })).toEqual({ action: 'deny' })
    expect(electronState.openedExternal).toEqual([
      'https://acme.app.opsgenie.com/alert/detail/1',
      'https://acme.atlassian.net/jira/ops/alerts/1',
    ])
  })

  it('blocks navigation away from the app, opening provider links in the browser instead', () => {
    const contents = openWindow().webContents
    const away = fakeEvent()
    contents.emit('will-navigate', away, 'https://evil.example/')
    const provider = fakeEvent()
    contents.emit('will-navigate', provider, 'https://acme.app.opsgenie.com/alert/1')
    const inside = fakeEvent()
    contents.emit('will-navigate', inside, 'app://ondeck/index.html#/alerts')
    expect([away, provider, inside].map((e) => e.defaultPrevented)).toEqual([true, true, false])
    expect(electronState.openedExternal).toEqual(['https://acme.app.opsgenie.com/alert/1'])
  })

  it('does not let a dropped HTML file (a file: navigation) replace the app', () => {
    const contents = openWindow().webContents
    const dropped = fakeEvent()
    contents.emit('will-navigate', dropped, 'file:///home/me/Downloads/invoice.html')
    expect(dropped.defaultPrevented).toBe(true)
    expect(electronState.openedExternal).toEqual([])
  })

  it('knows its own origin exactly: not file:, not a look-alike host or scheme', () => {
    expect(isAppOrigin('app://ondeck/index.html', undefined)).toBe(true)
    expect(isAppOrigin('app://ondeck/', undefined)).toBe(true)
    expect(isAppOrigin('file:///app/index.html', undefined)).toBe(false)
    expect(isAppOrigin('file:///app/out/renderer/index.html', undefined)).toBe(false)
    expect(isAppOrigin('app://ondeck.evil/index.html', undefined)).toBe(false)
    expect(isAppOrigin('app://evil/index.html', undefined)).toBe(false)
    expect(isAppOrigin('app://user@ondeck/index.html', undefined)).toBe(false)
    expect(isAppOrigin('apps://ondeck/index.html', undefined)).toBe(false)
    expect(isAppOrigin('app://ondeck:8080/index.html', undefined)).toBe(false)
    expect(isAppOrigin('https://evil.example/', undefined)).toBe(false)
    expect(isAppOrigin('app://ondeck/', 'http://localhost:5173/')).toBe(false)
    expect(isAppOrigin('http://localhost:5173/x', 'http://localhost:5173/')).toBe(true)
    expect(isAppOrigin('http://localhost:5174/x', 'http://localhost:5173/')).toBe(false)
    expect(isAppOrigin('http://localhost:5173.evil.example/', 'http://localhost:5173')).toBe(false)
    expect(isAppOrigin('not a url', undefined)).toBe(false)
  })
})
