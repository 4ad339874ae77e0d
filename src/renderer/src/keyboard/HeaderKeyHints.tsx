import type { ReactElement } from 'react'
import { KeyHint } from '../components/KeyHint'
import { IS_MAC, KEYMAP } from './keymap'
import { useKeyboardOverlayStore } from './overlay-store'

/**
 * The header's way into the keyboard: "Commands Ctrl+K" and "Shortcuts ?". A responder who never
 * read the README finds the palette from the first screen. In a narrow window only the keys
 * show (the words stay in the buttons' names), so the hints fit beside the navigation.
 */
export function HeaderKeyHints(props: { mac?: boolean }): ReactElement {
  const show = useKeyboardOverlayStore((s) => s.show)
  const mac = props.mac ?? IS_MAC
  return (
    <div className="header-keys">
      <button type="button" className="header-keys__button" onClick={() => show('palette')}>
        <span className="header-keys__label">Commands </span>
        <KeyHint keys={KEYMAP.palette} mac={mac} />
      </button>
      <button type="button" className="header-keys__button" onClick={() => show('shortcuts')}>
        <span className="header-keys__label">Shortcuts </span>
        <KeyHint keys={KEYMAP.help} mac={mac} />
      </button>
    </div>
  )
}
