import type { ReactElement } from 'react'

/** A form's error, announced when it appears. */
export function FormError(props: { error: string | undefined }): ReactElement | null {
  if (props.error === undefined) return null
  return (
    <p role="alert" className="error">
      {props.error}
    </p>
  )
}
