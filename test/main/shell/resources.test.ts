import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { electronMock, electronState } from '../../support/electron-mock'

vi.mock('electron', () => electronMock)

const { resourcePath } = await import('../../../src/main/shell/resources')

describe('resourcePath', () => {
  const setResourcesPath = (value: string | undefined): void => {
    Object.defineProperty(process, 'resourcesPath', { value, configurable: true, writable: true })
  }
  const original = process.resourcesPath as string | undefined
  beforeEach(() => electronState.reset())
  afterEach(() => setResourcesPath(original))

  it('reads the repository folder in development', () => {
    expect(resourcePath('tray', 'p1.png')).toBe('/app/resources/tray/p1.png')
  })

  it('reads the copies beside app.asar when packaged', () => {
    electronState.app.isPackaged = true
    setResourcesPath('/opt/Ondeck/resources')
    expect(resourcePath('tray', 'p1.png')).toBe('/opt/Ondeck/resources/tray/p1.png')
  })
})
