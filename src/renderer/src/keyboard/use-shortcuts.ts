import { useEffect, useRef } from 'react'
import { findShortcut, parseCombo, type Shortcut } from './shortcuts'

export interface ShortcutOptions {
  readonly enabled?: boolean
  /** Where to listen; the document by default, so every focused element is covered. */
  readonly target?: Pick<Document, 'addEventListener' | 'removeEventListener'>
}

/**
 * Binds keys while the component is mounted. The listener is attached once and reads the latest
 * bindings from a ref, so passing a fresh array each render does not re-subscribe. A key another
 * handler already took (`preventDefault`, e.g. the palette's own Escape) is left alone.
 */
export function useShortcuts(bindings: readonly Shortcut[], options: ShortcutOptions = {}): void {
  const latest = useRef(bindings)
  const { enabled = true, target } = options

  useEffect(() => {
    for (const binding of bindings) parseCombo(binding.keys)
    latest.current = bindings
  }, [bindings])

  useEffect(() => {
    if (!enabled) return undefined
    const on = target ?? document
    const listener = (event: Event): void => {
      if (!(event instanceof KeyboardEvent)) return
      const binding = findShortcut(event, latest.current)
      if (binding === undefined) return
      event.preventDefault()
      binding.run(event)
    }
    on.addEventListener('keydown', listener)
    return () => on.removeEventListener('keydown', listener)
  }, [enabled, target])
}
