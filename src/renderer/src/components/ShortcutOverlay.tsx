import { useLayoutEffect, useRef, useState, type ReactElement } from 'react'
import {
  describeKeys,
  KEY_HELP,
  KEYMAP,
  type KeyGroup,
  type ShortcutName,
} from '../keyboard/keymap'

const GROUPS: readonly KeyGroup[] = ['Alert list', 'Selected alert', 'Anywhere', 'In a field']

export interface ShortcutOverlayProps {
  readonly open: boolean
  readonly onClose: () => void
  readonly mac?: boolean
}

/** The `?` overlay: every key in the keymap, grouped by where it works. Mounted only while open. */
export function ShortcutOverlay(props: ShortcutOverlayProps): ReactElement | null {
  return props.open ? <ShortcutDialog {...props} /> : null
}

/**
 * A modal dialog built from KEY_HELP, so it cannot fall behind the keymap. Escape or `?` closes
 * it and focus goes back where it was, so a responder can peek at the keys mid-task.
 */
function ShortcutDialog({ onClose, mac = false }: ShortcutOverlayProps): ReactElement {
  const [returnTo] = useState(() => document.activeElement)
  const closeButton = useRef<HTMLButtonElement>(null)
  useLayoutEffect(() => {
    closeButton.current?.focus()
    return () => {
      if (returnTo instanceof HTMLElement && returnTo.isConnected) returnTo.focus()
    }
  }, [returnTo])
  const names = Object.keys(KEYMAP) as ShortcutName[]

  return (
    <div
      className="command-palette__backdrop"
      onMouseDown={(event) => event.target === event.currentTarget && onClose()}
    >
      <div
        className="shortcut-overlay"
        role="dialog"
        aria-modal="true"
        aria-labelledby="shortcut-overlay-title"
        onKeyDown={(event) => {
          if (event.key === 'Escape' || event.key === '?') {
            event.preventDefault()
            event.stopPropagation()
            onClose()
          } else if (event.key === 'Tab') {
            // the close button is the dialog's only stop; Tab must not wander behind the modal
            event.preventDefault()
          }
        }}
      >
        <div className="shortcut-overlay__header">
          <h2 id="shortcut-overlay-title">Keyboard shortcuts</h2>
          <button ref={closeButton} type="button" onClick={onClose}>
            Close <kbd className="key-hint">Esc</kbd>
          </button>
        </div>
        <div className="shortcut-overlay__groups">
          {GROUPS.map((group) => (
            <section key={group} aria-labelledby={`shortcut-group-${group}`}>
              <h3 id={`shortcut-group-${group}`}>{group}</h3>
              <dl>
                {names
                  .filter((name) => KEY_HELP[name].group === group)
                  .map((name) => (
                    <div key={name} className="shortcut-overlay__row">
                      <dt>
                        <kbd>{describeKeys(KEYMAP[name], mac)}</kbd>
                      </dt>
                      <dd>{KEY_HELP[name].label}</dd>
                    </div>
                  ))}
              </dl>
            </section>
          ))}
        </div>
      </div>
    </div>
  )
}
