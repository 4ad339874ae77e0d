import { beforeEach, describe, expect, it, vi } from 'vitest'
import { electronMock, electronState, electronUpdaterMock } from '../../support/electron-mock'

vi.mock('electron', () => electronMock)
vi.mock('electron-updater', () => electronUpdaterMock)

const { checkForUpdatesOnStart } = await import('../../../src/main/shell/updater')
const { createRingingState } = await import('../../../src/main/shell/ringing')

/** A loopback test feed: accepted by the feed rules in a packaged build, contacted by nobody. */
const FEED = 'http://127.0.0.1:9/ondeck/'

async function downloaded(ringing: ReturnType<typeof createRingingState>) {
  const log = { info: vi.fn(), warn: vi.fn() }
  const beforeInstall = vi.fn()
  const result = await checkForUpdatesOnStart({
    feedUrl: FEED,
    isPackaged: true,
    platform: 'linux',
    readUpdateConfig: () => undefined,
    emit: () => undefined,
    log,
    beforeInstall,
    ringing,
  })
  expect(result).toBe('checked')
  electronState.updater.emit('update-downloaded', { version: '2.0.0' })
  await vi.waitFor(() => expect(electronState.dialogs.length).toBe(1))
  return { log, beforeInstall, updater: electronState.updater }
}

describe('update install while an alarm rings', () => {
  beforeEach(() => electronState.reset())

  it('never restarts while an alarm rings: an accepted install waits until ringing stops', async () => {
    const ringing = createRingingState()
    ringing.set(true)
    electronState.dialogAnswers.push(0)
    const { log, beforeInstall, updater } = await downloaded(ringing)
    await vi.waitFor(() =>
      expect(log.info.mock.calls.some(([line]) => String(line).includes('alarm is ringing'))).toBe(
        true,
      ),
    )
    for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r))
    expect(updater.installs).toBe(0)
    expect(beforeInstall).not.toHaveBeenCalled()
    ringing.set(true) // a second report while still ringing changes nothing
    ringing.set(false)
    await vi.waitFor(() => expect(updater.installs).toBe(1))
    expect(beforeInstall).toHaveBeenCalledOnce()
  })

  it('waits again when an alarm starts ringing while the restart dialog is open', async () => {
    const ringing = createRingingState()
    const { updater } = await (async () => {
      electronState.dialogAnswers.push(0)
      ringing.set(true) // rings before the answer is read
      return downloaded(ringing)
    })()
    for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r))
    expect(updater.installs).toBe(0)
    ringing.set(false)
    await vi.waitFor(() => expect(updater.installs).toBe(1))
  })

  it('installs at once when nothing rings', async () => {
    const ringing = createRingingState()
    electronState.dialogAnswers.push(0)
    const { updater } = await downloaded(ringing)
    await vi.waitFor(() => expect(updater.installs).toBe(1))
  })
})
