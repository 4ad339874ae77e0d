import type { AlertFormName } from '../../../shared/commands/catalogue'
import type { Shortcut } from './shortcuts'

/**
 * The app's shortcuts; the palette, the `?` overlay, the buttons' key hints and the banners show
 * these same strings, so a key changed here changes everywhere it is taught.
 */
export const KEYMAP = {
  next: 'j',
  previous: 'k',
  open: 'Enter',
  toggleCheck: 'x',
  acknowledge: 'a',
  close: 'c',
  note: 'n',
  snooze: 's',
  assign: 'o',
  escalate: 'e',
  addResponder: 'r',
  priority: 'p',
  declareIncident: 'd',
  undo: 'u',
  search: '/',
  leaveSearch: 'ArrowDown',
  submit: 'mod+Enter',
  palette: 'mod+k',
  help: '?',
  dismiss: 'Escape',
} as const

export type ShortcutName = keyof typeof KEYMAP

export type KeyGroup = 'Alert list' | 'Selected alert' | 'Anywhere' | 'In a field'

/** What each key does, for the `?` overlay; a Record so a new key cannot ship untaught. */
export const KEY_HELP: Readonly<Record<ShortcutName, { label: string; group: KeyGroup }>> = {
  next: { label: 'Next alert', group: 'Alert list' },
  previous: { label: 'Previous alert', group: 'Alert list' },
  open: { label: 'Open the selected alert', group: 'Alert list' },
  toggleCheck: { label: 'Check or uncheck for bulk actions', group: 'Alert list' },
  acknowledge: {
    label: 'Acknowledge (what rings first, while something rings)',
    group: 'Selected alert',
  },
  close: { label: 'Close (held a few seconds, with Undo)', group: 'Selected alert' },
  note: { label: 'Add note', group: 'Selected alert' },
  snooze: { label: 'Snooze', group: 'Selected alert' },
  assign: { label: 'Assign an owner', group: 'Selected alert' },
  escalate: { label: 'Escalate', group: 'Selected alert' },
  addResponder: { label: 'Add responder', group: 'Selected alert' },
  priority: { label: 'Change priority', group: 'Selected alert' },
  declareIncident: { label: 'Declare incident', group: 'Selected alert' },
  undo: { label: 'Undo the held action', group: 'Anywhere' },
  search: { label: 'Search alerts', group: 'Anywhere' },
  palette: { label: 'Command palette', group: 'Anywhere' },
  help: { label: 'Show these shortcuts', group: 'Anywhere' },
  leaveSearch: { label: 'From the search box, back to the list (Esc too)', group: 'In a field' },
  submit: { label: 'Submit the form', group: 'In a field' },
  dismiss: { label: 'Close the form or dialog', group: 'In a field' },
}

/** The key that opens each alert form; a Record so a new form action needs a key to compile. */
export const ALERT_FORM_KEYS: Readonly<Record<AlertFormName, string>> = {
  addNote: KEYMAP.note,
  assign: KEYMAP.assign,
  addResponder: KEYMAP.addResponder,
  escalate: KEYMAP.escalate,
  snooze: KEYMAP.snooze,
  setPriority: KEYMAP.priority,
}

/** Ctrl on Linux and Windows, Cmd on macOS. */
export const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform)

/** A handler, or a handler with the binding's options (fire in fields, only when...). */
export type KeyHandler = (() => void) | Omit<Shortcut, 'keys'>

/** Turns handlers by name into bindings; names without a handler are left unbound. */
export function bindKeymap(handlers: Partial<Record<ShortcutName, KeyHandler>>): Shortcut[] {
  return (Object.keys(KEYMAP) as ShortcutName[]).flatMap((name) => {
    const handler = handlers[name]
    if (handler === undefined) return []
    const keys = KEYMAP[name]
    return [typeof handler === 'function' ? { keys, run: () => handler() } : { ...handler, keys }]
  })
}

const KEY_NAMES: Readonly<Record<string, string>> = {
  ArrowDown: '↓',
  ArrowUp: '↑',
  Escape: 'Esc',
}

/** How a binding reads in the UI: "Ctrl+K" or "⌘K", "Esc", "↓". */
export function describeKeys(keys: string, mac: boolean): string {
  return keys
    .split('+')
    .map((part) =>
      part === 'mod'
        ? mac
          ? '⌘'
          : 'Ctrl'
        : part.length === 1
          ? part.toUpperCase()
          : (KEY_NAMES[part] ?? part),
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
