import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { OndeckApi } from '../../src/shared/ipc/api'
import { electronMock, electronState } from '../support/electron-mock'

vi.mock('electron', () => electronMock)

/**
 * The real preload over the shared mock: whatever goes wrong after `ipcRenderer.invoke` was
 * issued (main threw, the answer is not an envelope), the page gets a `transport-lost` envelope,
 * never a rejection and never `not-sent`: main may have acted on the request.
 */
async function loadPage(): Promise<OndeckApi> {
  electronState.renderer.unload()
  vi.resetModules()
  await import('../../src/preload/index')
  return electronState.renderer.exposed['ondeck'] as OndeckApi
}

const note = { workspaceId: 'ws-1', alertId: 'a-1', by: 'id' as const, note: 'once' }

describe('preload invoke', () => {
  beforeEach(() => electronState.reset())

  it('passes main envelopes through unchanged', async () => {
    const answer = { ok: true, value: { status: 'accepted', requestId: 'r-1' } }
    electronMock.ipcMain.handle('alerts:addNote', () => answer)
    const ondeck = await loadPage()
    expect(await ondeck.alerts.addNote(note)).toEqual(answer)
  })

  it('answers transport-lost when main throws after taking the call', async () => {
    const taken: unknown[] = []
    electronMock.ipcMain.handle('alerts:addNote', (_event, input) => {
      taken.push(input)
      throw new Error('main went away mid-call')
    })
    const ondeck = await loadPage()
    const answer = await ondeck.alerts.addNote(note)
    expect(taken).toEqual([note])
    expect(answer).toMatchObject({ ok: false, error: { code: 'transport-lost' } })
  })

  it('answers transport-lost, not the raw value, when main answers without an envelope', async () => {
    electronMock.ipcMain.handle('alerts:addNote', () => ({ status: 'accepted' }))
    const ondeck = await loadPage()
    expect(await ondeck.alerts.addNote(note)).toMatchObject({
      ok: false,
      error: { code: 'transport-lost' },
    })
  })
})
