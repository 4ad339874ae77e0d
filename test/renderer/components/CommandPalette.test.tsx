// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState, type ReactElement } from 'react'
import { afterEach, describe, expect, it } from 'vitest'
import { CommandPalette } from '../../../src/renderer/src/components/CommandPalette'
import type { PaletteCommand } from '../../../src/renderer/src/keyboard/command-filter'
import { bindKeymap } from '../../../src/renderer/src/keyboard/keymap'
import { useShortcuts } from '../../../src/renderer/src/keyboard/use-shortcuts'

/** A page wired the way the lead wires the app: Ctrl/Cmd+K opens the palette. */
function Page({ ran }: { ran: string[] }): ReactElement {
  const [open, setOpen] = useState(false)
  const commands: PaletteCommand[] = [
    { id: 'ack', label: 'Acknowledge', group: 'Alert', shortcut: 'a', run: () => ran.push('ack') },
    { id: 'close', label: 'Close', group: 'Alert', shortcut: 'c', run: () => ran.push('close') },
    {
      id: 'incidents',
      label: 'Go to incidents',
      group: 'View',
      keywords: ['navigate'],
      run: () => ran.push('incidents'),
    },
    { id: 'theme', label: 'Toggle dark theme', group: 'Settings', run: () => ran.push('theme') },
    {
      id: 'search',
      label: 'Search alerts',
      shortcut: '/',
      run: () => document.getElementById('q')?.focus(),
    },
    {
      id: 'escalate',
      label: 'Escalate',
      group: 'Alert',
      disabled: true,
      run: () => ran.push('escalate'),
    },
  ]
  useShortcuts(bindKeymap({ palette: () => setOpen((value) => !value) }))
  return (
    <main>
      <button type="button">Alerts</button>
      <input id="q" aria-label="Search alerts box" />
      <CommandPalette open={open} commands={commands} onClose={() => setOpen(false)} />
    </main>
  )
}

afterEach(cleanup)

async function openPalette(ran: string[] = []) {
  const user = userEvent.setup()
  render(<Page ran={ran} />)
  await user.click(screen.getByRole('button', { name: 'Alerts' }))
  await user.keyboard('{Control>}k{/Control}')
  return { user, ran }
}

describe('CommandPalette', () => {
  it('is a modal dialog holding a combobox that controls a listbox of options', async () => {
    await openPalette()
    const dialog = screen.getByRole('dialog', { name: 'Command palette' })
    expect(dialog.getAttribute('aria-modal')).toBe('true')
    const box = within(dialog).getByRole('combobox', { name: 'Search commands' })
    expect(document.activeElement).toBe(box)
    const list = within(dialog).getByRole('listbox', { name: 'Commands' })
    expect(box.getAttribute('aria-controls')).toBe(list.id)
    const options = within(list).getAllByRole('option')
    expect(options).toHaveLength(6)
    expect(box.getAttribute('aria-activedescendant')).toBe(options[0]?.id)
    expect(options[0]?.getAttribute('aria-selected')).toBe('true')
    expect(
      within(list)
        .getByRole('option', { name: 'Alert: Acknowledge' })
        .getAttribute('aria-keyshortcuts'),
    ).toBe('A')
    expect(options[4]?.getAttribute('aria-keyshortcuts')).toBe('/')
    expect(options[5]?.getAttribute('aria-disabled')).toBe('true')
    expect(within(dialog).getByRole('status').textContent).toBe('6 commands')
  })

  it('filters as you type, across group, label and keywords', async () => {
    const { user } = await openPalette()
    await user.keyboard('navigate')
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual([
      'View: Go to incidents',
    ])
    await user.clear(screen.getByRole('combobox'))
    await user.keyboard('alert clo')
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['Alert: CloseC'])
    await user.clear(screen.getByRole('combobox'))
    await user.clear(screen.getByRole('combobox'))
    await user.keyboard('zzz')
    expect(screen.queryAllByRole('option')).toEqual([])
    expect(screen.getByRole('status').textContent).toBe('No matching commands')
  })

  it('moves with the arrows (wrapping), runs with Enter, then closes and returns focus', async () => {
    const { user, ran } = await openPalette()
    await user.keyboard('{ArrowDown}{ArrowDown}')
    const box = screen.getByRole('combobox')
    expect(
      document.getElementById(box.getAttribute('aria-activedescendant') ?? '')?.textContent,
    ).toBe('View: Go to incidents')
    await user.keyboard('{ArrowUp}{ArrowUp}{ArrowUp}')
    expect(
      document.getElementById(box.getAttribute('aria-activedescendant') ?? '')?.textContent,
    ).toBe('Alert: Escalate')
    await user.keyboard('{Enter}')
    expect(ran).toEqual([])
    expect(screen.getByRole('dialog')).toBeTruthy()
    await user.keyboard('{ArrowDown}{ArrowDown}{Enter}')
    expect(ran).toEqual(['close'])
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Alerts' }))
  })

  it('leaves focus where a command put it', async () => {
    const { user } = await openPalette()
    await user.keyboard('search{Enter}')
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(document.activeElement).toBe(screen.getByLabelText('Search alerts box'))
  })

  it('closes on Escape, keeps Tab inside, reopens empty, and runs an option on click', async () => {
    const { user, ran } = await openPalette()
    await user.keyboard('theme')
    await user.tab()
    expect(document.activeElement).toBe(screen.getByRole('combobox'))
    await user.keyboard('{Escape}')
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Alerts' }))
    await user.keyboard('{Meta>}k{/Meta}')
    expect((screen.getByRole('combobox') as HTMLInputElement).value).toBe('')
    await user.click(screen.getByRole('option', { name: /Toggle dark theme/ }))
    expect(ran).toEqual(['theme'])
    expect(screen.queryByRole('dialog')).toBeNull()
  })
})
