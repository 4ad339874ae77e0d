import type { ReactElement } from 'react'
import { toggle } from './declare-form'

export interface CheckboxOption {
  value: string
  label: string
}

/** A labelled fieldset of checkboxes: a multi-select that screen readers and keyboards handle. */
export function CheckboxGroup(props: {
  legend: string
  options: readonly CheckboxOption[]
  selected: readonly string[]
  onChange(selected: string[]): void
  empty?: string
}): ReactElement {
  return (
    <fieldset className="checkbox-group">
      <legend>{props.legend}</legend>
      {props.options.length === 0 && <p className="muted">{props.empty ?? 'None available.'}</p>}
      {props.options.map((o) => (
        <label key={o.value} className="field--inline">
          <input
            type="checkbox"
            checked={props.selected.includes(o.value)}
            onChange={(e) => props.onChange(toggle(props.selected, o.value, e.target.checked))}
          />
          {o.label}
        </label>
      ))}
    </fieldset>
  )
}
