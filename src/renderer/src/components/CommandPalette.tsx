import {
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactElement,
} from 'react'
import { filterCommands, type PaletteCommand } from '../keyboard/command-filter'
import { ariaKeys, describeKeys } from '../keyboard/keymap'

export interface CommandPaletteProps {
  readonly open: boolean
  readonly commands: readonly PaletteCommand[]
  readonly onClose: () => void
  /** Shows shortcuts as ⌘K instead of Ctrl+K. */
  readonly mac?: boolean
}

/** Mounted only while open, so each opening starts with an empty query and the first command active. */
export function CommandPalette(props: CommandPaletteProps): ReactElement | null {
  return props.open ? <PaletteDialog {...props} /> : null
}

/**
 * A modal dialog holding the WAI-ARIA combobox pattern: focus stays in the text box, arrows move
 * `aria-activedescendant` through the listbox, Enter runs, Escape closes and gives focus back to
 * where it was (unless the command moved it somewhere on purpose, like "focus search").
 */
function PaletteDialog({ commands, onClose, mac = false }: CommandPaletteProps): ReactElement {
  const [query, setQuery] = useState('')
  const [active, setActive] = useState(0)
  const [returnTo] = useState(() => document.activeElement)
  const dialog = useRef<HTMLDivElement>(null)
  const baseId = useId()
  const listId = `${baseId}-list`
  const matches = filterCommands(commands, query)
  const current = matches[Math.min(active, matches.length - 1)]
  const optionId = (index: number): string => `${baseId}-option-${index}`

  useLayoutEffect(() => {
    const box = dialog.current
    return () => {
      const focused = document.activeElement
      const stillOurs =
        focused === null || focused === document.body || box?.contains(focused) === true
      if (stillOurs && returnTo instanceof HTMLElement) returnTo.focus()
    }
  }, [returnTo])

  useEffect(() => {
    if (current === undefined) return
    document
      .getElementById(optionId(matches.indexOf(current)))
      ?.scrollIntoView?.({ block: 'nearest' })
  })

  const run = (command: PaletteCommand | undefined): void => {
    if (command === undefined || command.disabled === true) return
    onClose()
    command.run()
  }

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    const count = matches.length
    switch (event.key) {
      case 'ArrowDown':
        if (count > 0) setActive((index) => (Math.min(index, count - 1) + 1) % count)
        break
      case 'ArrowUp':
        if (count > 0) setActive((index) => (Math.min(index, count - 1) - 1 + count) % count)
        break
      case 'Enter':
        run(current)
        break
      case 'Escape':
        onClose()
        break
      case 'Tab':
        // the text box is the dialog's only stop; Tab must not wander behind the modal
        break
      default:
        return
    }
    event.preventDefault()
    event.stopPropagation()
  }

  return (
    <div
      className="command-palette__backdrop"
      onMouseDown={(event) => event.target === event.currentTarget && onClose()}
    >
      <div
        ref={dialog}
        className="command-palette"
        role="dialog"
        aria-modal="true"
        aria-label="Command palette"
      >
        <input
          className="command-palette__input"
          role="combobox"
          aria-label="Search commands"
          aria-expanded="true"
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={
            current === undefined ? undefined : optionId(matches.indexOf(current))
          }
          autoFocus
          autoComplete="off"
          spellCheck={false}
          placeholder="Type a command…"
          value={query}
          onChange={(event) => {
            setQuery(event.target.value)
            setActive(0)
          }}
          onKeyDown={onKeyDown}
        />
        <ul id={listId} className="command-palette__list" role="listbox" aria-label="Commands">
          {matches.map((command, index) => (
            <li
              key={command.id}
              id={optionId(index)}
              className="command-palette__option"
              role="option"
              aria-selected={command === current}
              aria-disabled={command.disabled === true ? true : undefined}
              aria-keyshortcuts={
                command.shortcut === undefined ? undefined : ariaKeys(command.shortcut, mac)
              }
              data-active={command === current ? '' : undefined}
              onMouseMove={() => setActive(index)}
              onClick={() => run(command)}
            >
              {command.group === undefined ? null : (
                <span className="command-palette__group">{command.group}: </span>
              )}
              <span className="command-palette__label">{command.label}</span>
              {command.shortcut === undefined ? null : (
                <kbd className="command-palette__shortcut" aria-hidden="true">
                  {describeKeys(command.shortcut, mac)}
                </kbd>
              )}
            </li>
          ))}
        </ul>
        <p className="command-palette__status" role="status">
          {matches.length === 0
            ? 'No matching commands'
            : `${matches.length} command${matches.length === 1 ? '' : 's'}`}
        </p>
      </div>
    </div>
  )
}
