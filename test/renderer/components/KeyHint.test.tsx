// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { KeyHint } from '../../../src/renderer/src/components/KeyHint'
import { ShortcutOverlay } from '../../../src/renderer/src/components/ShortcutOverlay'
import { KEYMAP } from '../../../src/renderer/src/keyboard/keymap'

afterEach(cleanup)

describe('KeyHint', () => {
  it('shows the key inside its button, out of the name, and announces it as aria-keyshortcuts', () => {
    const { rerender } = render(
      <button type="button">
        Snooze <KeyHint keys={KEYMAP.snooze} mac={false} />
      </button>,
    )
    const button = screen.getByRole('button', { name: 'Snooze' })
    expect(button.textContent).toBe('Snooze S')
    expect(button.getAttribute('aria-keyshortcuts')).toBe('S')
    rerender(
      <button type="button">
        Commands <KeyHint keys={KEYMAP.palette} mac={true} />
      </button>,
    )
    expect(button.textContent).toBe('Commands ⌘K')
    expect(button.getAttribute('aria-keyshortcuts')).toBe('Meta+K')
    rerender(<button type="button">Commands</button>)
    expect(button.hasAttribute('aria-keyshortcuts')).toBe(false)
  })
})

describe('ShortcutOverlay', () => {
  it('takes focus, closes on Escape or ?, and gives focus back', async () => {
    const user = userEvent.setup()
    const onClose = vi.fn()
    const { rerender } = render(
      <>
        <button type="button">before</button>
        <ShortcutOverlay open={false} onClose={onClose} />
      </>,
    )
    screen.getByRole('button', { name: 'before' }).focus()
    rerender(
      <>
        <button type="button">before</button>
        <ShortcutOverlay open={true} onClose={onClose} />
      </>,
    )
    const dialog = screen.getByRole('dialog', { name: 'Keyboard shortcuts' })
    expect(dialog.contains(document.activeElement)).toBe(true)
    await user.keyboard('?')
    await user.keyboard('{Escape}')
    expect(onClose).toHaveBeenCalledTimes(2)
    rerender(
      <>
        <button type="button">before</button>
        <ShortcutOverlay open={false} onClose={onClose} />
      </>,
    )
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'before' }))
  })
})
