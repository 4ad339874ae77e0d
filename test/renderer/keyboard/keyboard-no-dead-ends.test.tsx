// @vitest-environment jsdom
import 'fake-indexeddb/auto'
import { cleanup, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { useAlertViewStore } from '../../../src/renderer/src/alerts/alert-view-store'
import { useNavigationStore } from '../../../src/renderer/src/app/navigation-store'
import { useWorkspaceStore } from '../../../src/renderer/src/app/workspace-store'
import {
  describeKeys,
  KEY_HELP,
  KEYMAP,
  type ShortcutName,
} from '../../../src/renderer/src/keyboard/keymap'
import { useKeyboardOverlayStore } from '../../../src/renderer/src/keyboard/overlay-store'
import { alertRow } from '../app/support/fixtures'
import { openWorkspace } from '../app/support/open-workspace'

beforeEach(() => {
  useWorkspaceStore.getState().reset()
  useNavigationStore.getState().reset()
  useAlertViewStore.getState().reset()
  useKeyboardOverlayStore.getState().reset()
  vi.spyOn(console, 'warn').mockImplementation(() => undefined)
})
afterEach(() => {
  cleanup()
  vi.restoreAllMocks()
})

async function withAlert() {
  const opened = await openWorkspace()
  await opened.t.db.alerts.put(alertRow(1, { priority: 'P1', message: 'Disk full' }))
  await screen.findByText('Disk full')
  await waitFor(() => expect(useAlertViewStore.getState().visibleIds).toEqual(['alert-1']))
  return opened
}

describe('keyboard without dead ends', () => {
  it('? opens an overlay listing every key in the keymap; Escape closes it', async () => {
    const { user } = await withAlert()
    await user.keyboard('?')
    const dialog = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' })
    for (const name of Object.keys(KEYMAP) as ShortcutName[]) {
      const row = within(dialog).getByText(KEY_HELP[name].label).parentElement
      expect(row?.textContent).toContain(describeKeys(KEYMAP[name], false))
    }
    await user.keyboard('{Escape}')
    await waitFor(() => expect(dialog.isConnected).toBe(false))
  })

  it('the header offers the palette with its key, and the shortcuts', async () => {
    const { user } = await withAlert()
    const header = screen.getByRole('banner')
    const commands = within(header).getByRole('button', { name: 'Commands' })
    expect(commands.textContent).toContain('Ctrl+K')
    expect(commands.getAttribute('aria-keyshortcuts')).toBe('Control+K')
    await user.click(commands)
    await screen.findByRole('dialog', { name: 'Command palette' })
  })

  it.each([
    ['s', 'snooze'],
    ['o', 'assign'],
    ['e', 'escalate'],
    ['r', 'addResponder'],
    ['p', 'setPriority'],
    ['n', 'addNote'],
  ])('%s opens the %s form on the selected alert', async (key, form) => {
    const { user } = await withAlert()
    await user.keyboard('j')
    // the key acts on the selection: wait for it to land before pressing
    await waitFor(() => expect(useAlertViewStore.getState().selectedId).toBe('alert-1'))
    await user.keyboard(key)
    await waitFor(() => expect(useAlertViewStore.getState().openForm).toBe(form))
  })

  it('Escape or ↓ leaves the search box for the list', async () => {
    const { user } = await withAlert()
    await user.keyboard('/')
    await waitFor(() => expect(document.activeElement?.id).toBe('alert-search'))
    await user.keyboard('{Escape}')
    expect(document.activeElement?.classList.contains('alert-list')).toBe(true)
    expect(useAlertViewStore.getState().selectedId).toBe('alert-1')
    await user.keyboard('/')
    await waitFor(() => expect(document.activeElement?.id).toBe('alert-search'))
    await user.keyboard('{ArrowDown}')
    expect(document.activeElement?.classList.contains('alert-list')).toBe(true)
  })

  it('Ctrl+Enter submits the form being typed in', async () => {
    const { t, user } = await withAlert()
    await user.keyboard('jn')
    const note = await screen.findByRole('textbox', { name: /note/i })
    await user.type(note, 'Rolled back')
    await user.keyboard('{Control>}{Enter}{/Control}')
    await waitFor(() => expect(t.fake.callsTo('alerts:addNote')).toHaveLength(1))
    expect(useAlertViewStore.getState().openForm).toBeUndefined()
  })

  it('alert action buttons show their key and announce it', async () => {
    const { user } = await withAlert()
    await user.keyboard('j')
    const toolbar = await screen.findByRole('toolbar', { name: 'Alert actions' })
    const expected: Record<string, string> = {
      Acknowledge: 'A',
      Close: 'C',
      'Add note': 'N',
      Assign: 'O',
      'Add responder': 'R',
      Escalate: 'E',
      Snooze: 'S',
      'Change priority': 'P',
    }
    for (const [name, key] of Object.entries(expected)) {
      const button = within(toolbar).getByRole('button', { name })
      expect(button.querySelector('kbd')?.textContent).toBe(key)
      expect(button.getAttribute('aria-keyshortcuts')).toBe(key)
    }
  })
})
