/** One key binding. `keys` is a key name ("j", "/", "Enter", "Escape") with an optional "mod+" (Ctrl or Cmd). */
export interface Shortcut {
  readonly keys: string
  readonly run: (event: KeyboardEvent) => void
  /** Fire while typing in a field; by default only Escape and mod+ combinations do. */
  readonly allowInInputs?: boolean
  /**
   * Only where this holds (e.g. ↓ only in the search box): a binding that does not apply leaves
   * the key alone, so the key keeps its usual meaning everywhere else.
   */
  readonly when?: (event: KeyboardEvent) => boolean
}

export interface KeyCombo {
  readonly key: string
  readonly mod: boolean
  readonly shift: boolean
  readonly alt: boolean
}

/** Parses "mod+k", "shift+?", "Escape"; throws naming the text when it has no key. */
export function parseCombo(text: string): KeyCombo {
  const parts = text.split('+')
  // "mod++" would be a plus key; a lone "+" is the key itself
  const key = text.endsWith('++') || text === '+' ? '+' : (parts.pop() ?? '')
  const modifiers = new Set(parts.map((part) => part.toLowerCase()).filter((part) => part !== ''))
  if (key === '') throw new Error(`shortcut "${text}" names no key`)
  for (const modifier of modifiers) {
    if (!['mod', 'shift', 'alt'].includes(modifier))
      throw new Error(`shortcut "${text}": unknown modifier "${modifier}"`)
  }
  return {
    key,
    mod: modifiers.has('mod'),
    shift: modifiers.has('shift'),
    alt: modifiers.has('alt'),
  }
}

type KeyLike = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>

/**
 * "mod" accepts Ctrl or Cmd on every platform. A plain binding never fires with Ctrl, Cmd or Alt
 * held, so Ctrl+A (select all) does not acknowledge; Shift only counts for letters, because "?"
 * and "/" already depend on the keyboard layout's Shift.
 */
export function matchesCombo(combo: KeyCombo, event: KeyLike): boolean {
  const mod = event.ctrlKey || event.metaKey
  if (mod !== combo.mod || event.altKey !== combo.alt) return false
  const letter = /^[a-z]$/i.test(combo.key)
  if (letter)
    return event.key.toLowerCase() === combo.key.toLowerCase() && event.shiftKey === combo.shift
  return (
    event.key === combo.key ||
    (combo.key.length === 1 && event.key.toLowerCase() === combo.key.toLowerCase())
  )
}

const NON_TEXT_INPUTS = new Set([
  'checkbox',
  'radio',
  'button',
  'submit',
  'reset',
  'range',
  'color',
  'file',
  'image',
])

/** Where a key is text being typed, not a command. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (typeof HTMLElement === 'undefined' || !(target instanceof HTMLElement)) return false
  if (
    target.isContentEditable ||
    target.closest('[contenteditable=""], [contenteditable="true"]') !== null
  ) {
    return true
  }
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true
  return target instanceof HTMLInputElement && !NON_TEXT_INPUTS.has(target.type)
}

/** Enter on a focused button or link already activates it; the list's "open" must not fire too. */
function isActivationTarget(target: EventTarget | null): boolean {
  if (typeof HTMLElement === 'undefined' || !(target instanceof HTMLElement)) return false
  return (
    target.closest(
      'button, a[href], summary, [role="button"], [role="link"], [role="menuitem"]',
    ) !== null
  )
}

/** The binding a keydown event triggers, if any. */
export function findShortcut(
  event: KeyboardEvent,
  bindings: readonly Shortcut[],
): Shortcut | undefined {
  if (event.defaultPrevented || event.isComposing) return undefined
  const typing = isTypingTarget(event.target)
  return bindings.find((binding) => {
    const combo = parseCombo(binding.keys)
    if (!matchesCombo(combo, event)) return false
    if (combo.key === 'Enter' && !combo.mod && isActivationTarget(event.target)) return false
    if (binding.when !== undefined && !binding.when(event)) return false
    const allowed = binding.allowInInputs ?? (combo.mod || combo.key === 'Escape')
    return !typing || allowed
  })
}
