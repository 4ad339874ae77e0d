// @vitest-environment jsdom
import 'fake-indexeddb/auto'
import { act, cleanup, render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { ReactElement } from 'react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { useTheme } from '../../../src/renderer/src/app/use-theme'
import { SettingsDb } from '../../../src/renderer/src/settings/settings-db'
import { SettingsView } from '../../../src/renderer/src/settings/SettingsView'
import { harness } from '../app/support/render'

/** A controllable `prefers-color-scheme: dark` query, standing in for the OS setting. */
function fakeOs(dark: boolean): { setDark(next: boolean): void } {
  const listeners = new Set<() => void>()
  const query = {
    get matches() {
      return dark
    },
    media: '(prefers-color-scheme: dark)',
    addEventListener: (_: string, listener: () => void) => listeners.add(listener),
    removeEventListener: (_: string, listener: () => void) => listeners.delete(listener),
  }
  vi.stubGlobal('matchMedia', () => query)
  return {
    setDark(next) {
      dark = next
      act(() => listeners.forEach((listener) => listener()))
    },
  }
}

function Themed(props: { settings: SettingsDb }): ReactElement {
  return <p>theme: {useTheme(props.settings) ?? 'unknown'}</p>
}

let settings: SettingsDb | undefined
beforeEach(() => {
  delete document.documentElement.dataset.theme
})
afterEach(async () => {
  cleanup()
  vi.unstubAllGlobals()
  await settings?.delete()
  settings = undefined
})

const html = (): string | undefined => document.documentElement.dataset.theme

describe('theme', () => {
  it('follows the OS live when nothing is stored', async () => {
    const os = fakeOs(false)
    settings = new SettingsDb(`theme-test-${Math.random()}`)
    render(<Themed settings={settings} />)
    await waitFor(() => expect(html()).toBe('light'))
    os.setDark(true)
    await waitFor(() => expect(html()).toBe('dark'))
    os.setDark(false)
    await waitFor(() => expect(html()).toBe('light'))
  })

  it('keeps a fixed choice whatever the OS does', async () => {
    const os = fakeOs(false)
    settings = new SettingsDb(`theme-test-${Math.random()}`)
    await settings.preferences.put({ key: 'theme', value: 'dark' })
    render(<Themed settings={settings} />)
    await waitFor(() => expect(html()).toBe('dark'))
    os.setDark(false)
    await screen.findByText('theme: dark')
    expect(html()).toBe('dark')
  })

  it('offers Light, Dark and System in Settings; System stores "system" and follows the OS', async () => {
    const os = fakeOs(true)
    const t = await harness()
    await t.services.settings.preferences.put({ key: 'theme', value: 'light' })
    const user = userEvent.setup()
    t.render(
      <>
        <Themed settings={t.services.settings} />
        <SettingsView activeId={t.workspaceId} onOpen={vi.fn()} onRemoved={vi.fn()} />
      </>,
    )
    const system = await screen.findByRole('radio', { name: /System/ })
    await waitFor(() =>
      expect(screen.getByRole<HTMLInputElement>('radio', { name: 'Light' }).checked).toBe(true),
    )
    await user.click(system)
    await waitFor(() => expect(html()).toBe('dark'))
    await screen.findByText('theme: dark')
    expect((await t.services.settings.preferences.get('theme'))?.value).toBe('system')
    os.setDark(false)
    await waitFor(() => expect(html()).toBe('light'))
    expect((system as HTMLInputElement).checked).toBe(true)
  }, 20_000)
})
