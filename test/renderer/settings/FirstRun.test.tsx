// @vitest-environment jsdom
import 'fake-indexeddb/auto'
import { cleanup, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { OndeckApi } from '../../../src/shared/ipc/api'
import { FirstRun } from '../../../src/renderer/src/settings/FirstRun'
import { harness } from '../app/support/render'

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

const BROWSER_NOTE = /Browser mode keeps its own keys/

describe('first run', () => {
  it('in browser mode, says that workspaces connected here use their own keychain entries', async () => {
    const t = await harness({})
    t.render(<FirstRun savedWorkspaces={[]} onOpen={() => undefined} />)
    const note = await screen.findByText(BROWSER_NOTE)
    expect(note.textContent).toContain('ondeck-browser-mode')
    expect(note.textContent).toContain('enter its API key again here')
  })

  it('in the desktop app (a preload API on window), says nothing about browser mode', async () => {
    const t = await harness({})
    vi.stubGlobal('ondeck', t.fake.api satisfies OndeckApi)
    t.render(<FirstRun savedWorkspaces={[]} onOpen={() => undefined} />)
    await screen.findByRole('form', { name: 'Connect a workspace' })
    expect(screen.queryByText(BROWSER_NOTE)).toBeNull()
  })
})
