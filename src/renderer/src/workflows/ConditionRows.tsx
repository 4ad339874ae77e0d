import type { ReactElement } from 'react'
import {
  CONDITION_FIELDS,
  FIELD_LABEL,
  type ConditionDraft,
  type ConditionField,
} from './workflow-draft'

const HINT: Readonly<Record<ConditionField, string>> = {
  severity: 'Critical, High',
  service: 'Checkout API',
  incidentType: 'Outage',
  tag: 'security',
  alertPriority: 'P1, P2',
  team: 'Platform',
}

const isField = (v: string): v is ConditionField =>
  (CONDITION_FIELDS as readonly string[]).includes(v)

/** The workflow's conditions: a field and the values (any of them) it must have. */
export function ConditionRows(props: {
  conditions: readonly ConditionDraft[]
  onChange(conditions: ConditionDraft[]): void
}): ReactElement {
  const update = (n: number, change: Partial<ConditionDraft>): void =>
    props.onChange(props.conditions.map((c, k) => (k === n ? { ...c, ...change } : c)))
  return (
    <fieldset>
      <legend>Conditions</legend>
      {props.conditions.length === 0 && <p className="muted">No conditions: always runs.</p>}
      {props.conditions.map((c, n) => (
        <div className="button-row" key={n} role="group" aria-label={`Condition ${n + 1}`}>
          <label className="field--inline">
            Field
            <select
              value={c.field}
              onChange={(e) => isField(e.target.value) && update(n, { field: e.target.value })}
            >
              {CONDITION_FIELDS.map((f) => (
                <option key={f} value={f}>
                  {FIELD_LABEL[f]}
                </option>
              ))}
            </select>
          </label>
          <label className="field--inline field--grow">
            is one of
            <input
              value={c.values}
              placeholder={HINT[c.field]}
              onChange={(e) => update(n, { values: e.target.value })}
            />
          </label>
          <button
            type="button"
            onClick={() => props.onChange(props.conditions.filter((_, k) => k !== n))}
          >
            Remove condition {n + 1}
          </button>
        </div>
      ))}
      <button
        type="button"
        onClick={() => props.onChange([...props.conditions, { field: 'severity', values: '' }])}
      >
        Add condition
      </button>
    </fieldset>
  )
}
