import type { ReactElement } from 'react'

/**
 * The alarm's bell, drawn inline: the ⏰ emoji it replaces rendered as an empty box wherever no
 * emoji font is installed (a bare Linux, a kiosk). Stroked in `currentColor`, so it takes the
 * text's colour in both themes, and hidden from screen readers: the text beside it says "ringing".
 */
export function AlarmIcon(props: { readonly className?: string }): ReactElement {
  return (
    <svg
      className={props.className}
      data-icon="alarm"
      width="1em"
      height="1em"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      <path d="M2 6.5A9 9 0 0 1 5 3" />
      <path d="M22 6.5A9 9 0 0 0 19 3" />
    </svg>
  )
}
