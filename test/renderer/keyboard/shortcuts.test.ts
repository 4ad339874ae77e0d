// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'
import {
  filterCommands,
  type PaletteCommand,
} from '../../../src/renderer/src/keyboard/command-filter'
import { bindKeymap, describeKeys, KEYMAP } from '../../../src/renderer/src/keyboard/keymap'
import {
  findShortcut,
  isTypingTarget,
  matchesCombo,
  parseCombo,
  type Shortcut,
} from '../../../src/renderer/src/keyboard/shortcuts'

const key = (init: KeyboardEventInit, target?: EventTarget): KeyboardEvent => {
  const event = new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init })
  if (target !== undefined) Object.defineProperty(event, 'target', { value: target })
  return event
}

describe('parseCombo and matchesCombo', () => {
  it('parses keys with modifiers and refuses unknown ones by name', () => {
    expect(parseCombo('mod+k')).toEqual({ key: 'k', mod: true, shift: false, alt: false })
    expect(parseCombo('Escape')).toEqual({ key: 'Escape', mod: false, shift: false, alt: false })
    expect(parseCombo('mod++').key).toBe('+')
    expect(() => parseCombo('hyper+k')).toThrow(/unknown modifier "hyper"/)
    expect(() => parseCombo('')).toThrow(/names no key/)
  })

  it('treats Ctrl and Cmd alike for mod and keeps plain keys plain', () => {
    const modK = parseCombo('mod+k')
    expect(matchesCombo(modK, key({ key: 'k', ctrlKey: true }))).toBe(true)
    expect(matchesCombo(modK, key({ key: 'k', metaKey: true }))).toBe(true)
    expect(matchesCombo(modK, key({ key: 'k' }))).toBe(false)
    const a = parseCombo('a')
    expect(matchesCombo(a, key({ key: 'a' }))).toBe(true)
    expect(matchesCombo(a, key({ key: 'a', ctrlKey: true }))).toBe(false)
    expect(matchesCombo(a, key({ key: 'A', shiftKey: true }))).toBe(false)
    expect(matchesCombo(parseCombo('/'), key({ key: '/' }))).toBe(true)
  })
})

describe('findShortcut', () => {
  const ran: string[] = []
  const bindings: Shortcut[] = bindKeymap(
    Object.fromEntries(Object.keys(KEYMAP).map((name) => [name, () => void ran.push(name)])),
  )
  const input = document.createElement('input')
  const textarea = document.createElement('textarea')
  const checkbox = Object.assign(document.createElement('input'), { type: 'checkbox' })
  const button = document.createElement('button')

  it('finds j/k/Enter/a/c/n and / outside fields', () => {
    const names = ['j', 'k', 'Enter', 'a', 'c', 'n', '/'].map(
      (k) => findShortcut(key({ key: k }), bindings)?.keys,
    )
    expect(names).toEqual(['j', 'k', 'Enter', 'a', 'c', 'n', '/'])
  })

  it('ignores keys typed into inputs and textareas, except Escape and mod+K', () => {
    for (const field of [input, textarea]) {
      expect(findShortcut(key({ key: 'a' }, field), bindings)).toBeUndefined()
      expect(findShortcut(key({ key: '/' }, field), bindings)).toBeUndefined()
      expect(findShortcut(key({ key: 'Enter' }, field), bindings)).toBeUndefined()
      expect(findShortcut(key({ key: 'Escape' }, field), bindings)?.keys).toBe('Escape')
      expect(findShortcut(key({ key: 'k', metaKey: true }, field), bindings)?.keys).toBe('mod+k')
    }
    expect(findShortcut(key({ key: 'j' }, checkbox), bindings)?.keys).toBe('j')
    const editor = document.createElement('div')
    editor.setAttribute('contenteditable', 'true')
    expect(isTypingTarget(editor)).toBe(true)
    expect(isTypingTarget(document.createElement('div'))).toBe(false)
  })

  it('leaves Enter on a focused button to the button, and keys another handler took', () => {
    expect(findShortcut(key({ key: 'Enter' }, button), bindings)).toBeUndefined()
    const taken = key({ key: 'Escape' })
    taken.preventDefault()
    expect(findShortcut(taken, bindings)).toBeUndefined()
  })

  it('describes keys for the UI per platform', () => {
    expect(describeKeys('mod+k', false)).toBe('Ctrl+K')
    expect(describeKeys('mod+k', true)).toBe('⌘K')
    expect(describeKeys('Escape', false)).toBe('Esc')
    expect(describeKeys('ArrowDown', false)).toBe('↓')
    expect(describeKeys('mod+Enter', false)).toBe('Ctrl+Enter')
  })
})

describe('filterCommands', () => {
  const command = (id: string, label: string, group?: string): PaletteCommand => ({
    id,
    label,
    group,
    run: () => undefined,
  })
  const all = [
    command('1', 'Close', 'Alert'),
    command('2', 'Acknowledge', 'Alert'),
    command('3', 'Alerts', 'View'),
  ]

  it('keeps every command for an empty query and matches all words in any order', () => {
    expect(filterCommands(all, '  ')).toHaveLength(3)
    expect(filterCommands(all, 'ack alert').map((c) => c.id)).toEqual(['2'])
    expect(filterCommands(all, 'view ALERTS').map((c) => c.id)).toEqual(['3'])
  })

  it('ranks labels starting with the query first', () => {
    expect(filterCommands(all, 'al').map((c) => c.id)).toEqual(['3', '1', '2'])
  })
})
