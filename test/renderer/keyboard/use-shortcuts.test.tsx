// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState, type ReactElement } from 'react'
import { afterEach, describe, expect, it } from 'vitest'
import { bindKeymap } from '../../../src/renderer/src/keyboard/keymap'
import { useShortcuts } from '../../../src/renderer/src/keyboard/use-shortcuts'

function Harness({ enabled = true }: { enabled?: boolean }): ReactElement {
  const [log, setLog] = useState<string[]>([])
  const note = (what: string) => () => setLog((previous) => [...previous, what])
  useShortcuts(
    bindKeymap({
      next: note('next'),
      previous: note('previous'),
      acknowledge: note('acknowledge'),
      search: () => document.getElementById('search')?.focus(),
      palette: note('palette'),
      dismiss: note('dismiss'),
    }),
    { enabled },
  )
  return (
    <div>
      <input id="search" aria-label="Search" />
      <output aria-label="log">{log.join(',')}</output>
    </div>
  )
}

afterEach(cleanup)

describe('useShortcuts', () => {
  it('runs bindings for keys pressed on the page and stays out of text typed in the search box', async () => {
    const user = userEvent.setup()
    render(<Harness />)
    await user.keyboard('jka')
    expect(screen.getByLabelText('log').textContent).toBe('next,previous,acknowledge')
    await user.keyboard('/')
    const search = screen.getByLabelText('Search')
    expect(document.activeElement).toBe(search)
    await user.keyboard('jak')
    expect((search as HTMLInputElement).value).toBe('jak')
    expect(screen.getByLabelText('log').textContent).toBe('next,previous,acknowledge')
    await user.keyboard('{Control>}k{/Control}{Escape}')
    expect(screen.getByLabelText('log').textContent).toBe(
      'next,previous,acknowledge,palette,dismiss',
    )
  })

  it('prevents the browser default for a handled key (the "/" is not typed) and unbinds when disabled', async () => {
    const user = userEvent.setup()
    const { rerender } = render(<Harness />)
    await user.keyboard('/')
    expect((screen.getByLabelText('Search') as HTMLInputElement).value).toBe('')
    ;(document.activeElement as HTMLElement).blur()
    rerender(<Harness enabled={false} />)
    await user.keyboard('j')
    expect(screen.getByLabelText('log').textContent).toBe('')
  })
})
