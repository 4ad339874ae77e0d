import { describe, expect, it, vi } from 'vitest'
import {
  buildPaletteCommands,
  type PaletteContext,
} from '../../../src/renderer/src/app/palette-commands'

function context(overrides: Partial<PaletteContext> = {}): PaletteContext {
  return {
    readOnly: false,
    theme: 'light',
    run: vi.fn(),
    openForm: vi.fn(),
    go: vi.fn(),
    focusSearch: vi.fn(),
    move: vi.fn(),
    setTheme: vi.fn(),
    openDemo: vi.fn(),
    ...overrides,
  }
}

const alert = { id: 'a-1', tinyId: '7', message: 'Disk full', status: 'open', acknowledged: false }
const byId = (ctx: PaletteContext, id: string) => {
  const command = buildPaletteCommands(ctx).find((c) => c.id === id)
  if (command === undefined) throw new Error(`no command ${id}`)
  return command
}

describe('buildPaletteCommands', () => {
  it('lists no alert actions without a selection, but views, theme and the demo', () => {
    const ids = buildPaletteCommands(context()).map((c) => c.id)
    expect(ids.filter((id) => id.startsWith('alert:'))).toEqual([])
    expect(ids).toEqual(
      expect.arrayContaining([
        'go:alerts',
        'go:outbox',
        'go:settings',
        'theme:toggle',
        'workspace:demo',
      ]),
    )
  })

  it('runs quick actions through run and opens forms for the rest', () => {
    const ctx = context({ selected: alert })
    byId(ctx, 'alert:acknowledge').run()
    expect(ctx.run).toHaveBeenCalledWith({ action: 'acknowledge', alertId: 'a-1', args: {} })
    byId(ctx, 'alert:snooze').run()
    expect(ctx.openForm).toHaveBeenCalledWith('snooze')
    expect(byId(ctx, 'alert:acknowledge').shortcut).toBe('a')
  })

  it('offers Unacknowledge for an acknowledged alert', () => {
    const ids = buildPaletteCommands(context({ selected: { ...alert, acknowledged: true } })).map(
      (c) => c.id,
    )
    expect(ids).toContain('alert:unacknowledge')
    expect(ids).not.toContain('alert:acknowledge')
  })

  it('disables actions a read-only key or a closed alert cannot take (a note stays possible when closed)', () => {
    const readOnly = context({ selected: alert, readOnly: true })
    expect(byId(readOnly, 'alert:close').disabled).toBe(true)
    const closed = context({ selected: { ...alert, status: 'closed' } })
    expect(byId(closed, 'alert:close').disabled).toBe(true)
    expect(byId(closed, 'alert:addNote').disabled).toBe(false)
  })

  it('toggles to the other theme', () => {
    const ctx = context({ theme: 'dark' })
    const toggle = byId(ctx, 'theme:toggle')
    expect(toggle.label).toBe('Switch to light theme')
    toggle.run()
    expect(ctx.setTheme).toHaveBeenCalledWith('light')
  })
})
