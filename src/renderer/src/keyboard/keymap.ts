import type { Shortcut } from './shortcuts'

/** The app's shortcuts; the palette and the help text show these same strings. */
export const KEYMAP = {
  next: 'j',
  previous: 'k',
  open: 'Enter',
  acknowledge: 'a',
  close: 'c',
  note: 'n',
  undo: 'u',
  toggleCheck: 'x',
  search: '/',
  palette: 'mod+k',
  dismiss: 'Escape',
} as const

export type ShortcutName = keyof typeof KEYMAP

/** Turns handlers by name into bindings; names without a handler are left unbound. */
export function bindKeymap(handlers: Partial<Record<ShortcutName, () => void>>): Shortcut[] {
  return (Object.keys(KEYMAP) as ShortcutName[]).flatMap((name) => {
    const run = handlers[name]
    return run === undefined ? [] : [{ keys: KEYMAP[name], run: () => run() }]
  })
}

/** How a binding reads in the UI: "Ctrl+K" or "⌘K". */
export function describeKeys(keys: string, mac: boolean): string {
  return keys
    .split('+')
    .map((part) =>
      part === 'mod' ? (mac ? '⌘' : 'Ctrl') : part.length === 1 ? part.toUpperCase() : part,
    )
    .join(mac ? '' : '+')
}

/** The same binding in `aria-keyshortcuts` syntax ("Control+K"), for screen readers. */
export function ariaKeys(keys: string, mac: boolean): string {
  return keys
    .split('+')
    .map((part) =>
      part === 'mod'
        ? mac
          ? 'Meta'
          : 'Control'
        : part === 'shift'
          ? 'Shift'
          : part === 'alt'
            ? 'Alt'
            : part.length === 1
              ? part.toUpperCase()
              : part,
    )
    .join('+')
}
