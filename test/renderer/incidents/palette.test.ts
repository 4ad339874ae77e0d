import { describe, expect, it } from 'vitest'
import {
  buildPaletteCommands,
  type PaletteContext,
} from '../../../src/renderer/src/app/palette-commands'

const noop = (): void => undefined

function context(overrides: Partial<PaletteContext> = {}): PaletteContext {
  return {
    readOnly: false,
    theme: 'light',
    run: noop,
    openForm: noop,
    go: noop,
    focusSearch: noop,
    move: noop,
    setTheme: noop,
    openDemo: noop,
    ...overrides,
  }
}

describe('coordination in the command palette', () => {
  it('offers "Declare incident" and "Page a team…" inside a workspace, and the view', () => {
    const called: string[] = []
    const commands = buildPaletteCommands(
      context({
        coordination: { declare: () => called.push('declare'), page: () => called.push('page') },
      }),
    )
    const declare = commands.find((c) => c.label === 'Declare incident')
    const page = commands.find((c) => c.label === 'Page a team…')
    declare?.run()
    page?.run()
    expect(called).toEqual(['declare', 'page'])
    // Coordination is a tab of Incidents now, not a view of its own.
    expect(commands.find((c) => c.id === 'go:coordination')).toBeUndefined()
    expect(commands.find((c) => c.id === 'go:incidents')?.label).toBe('Incidents')
  })

  it('leaves them out where there is no coordination', () => {
    const ids = buildPaletteCommands(context()).map((c) => c.id)
    expect(ids.filter((id) => id.startsWith('coordination:'))).toEqual([])
  })
})
