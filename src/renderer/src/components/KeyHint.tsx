import { useLayoutEffect, useRef, type ReactElement } from 'react'
import { ariaKeys, describeKeys, IS_MAC } from '../keyboard/keymap'

/**
 * The key for a button, shown inside it ("Acknowledge A"), so a mouse user learns the keyboard by
 * using the app. Hidden from the accessible name (the button stays "Acknowledge"); instead the
 * enclosing button gets `aria-keyshortcuts`, set from here so placing one `<KeyHint>` in a button
 * is the whole change at each call site.
 */
export function KeyHint(props: { keys: string; mac?: boolean }): ReactElement {
  const mac = props.mac ?? IS_MAC
  const ref = useRef<HTMLElement>(null)
  useLayoutEffect(() => {
    const owner = ref.current?.closest('button, [role="button"], a[href]')
    if (owner === null || owner === undefined) return undefined
    owner.setAttribute('aria-keyshortcuts', ariaKeys(props.keys, mac))
    return () => owner.removeAttribute('aria-keyshortcuts')
  }, [props.keys, mac])
  return (
    <kbd ref={ref} className="key-hint" aria-hidden="true">
      {describeKeys(props.keys, mac)}
    </kbd>
  )
}
