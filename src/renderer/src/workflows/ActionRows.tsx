import type { ReactElement } from 'react'
import { PRIORITIES } from '../../../shared/domain'
import { TARGET_LABEL, TARGET_TYPES, isTargetType } from '../incidents/page-targets'
import {
  ACTION_LABEL,
  ACTION_TYPES,
  EMPTY_ACTION,
  isPriority,
  type ActionDraft,
  type ActionType,
} from './workflow-draft'

const isActionType = (v: string): v is ActionType => (ACTION_TYPES as readonly string[]).includes(v)

function ActionFields(props: {
  action: ActionDraft
  update(c: Partial<ActionDraft>): void
}): ReactElement | null {
  const { action: a, update } = props
  const schedule = (
    <label className="field--inline">
      Schedule
      <input value={a.schedule} onChange={(e) => update({ schedule: e.target.value })} />
    </label>
  )
  switch (a.type) {
    case 'page':
      return (
        <>
          <label className="field--inline">
            Target
            <select
              value={a.target}
              onChange={(e) => isTargetType(e.target.value) && update({ target: e.target.value })}
            >
              {TARGET_TYPES.map((t) => (
                <option key={t} value={t}>
                  {TARGET_LABEL[t]}
                </option>
              ))}
            </select>
          </label>
          <label className="field--inline">
            Target name
            <input value={a.name} onChange={(e) => update({ name: e.target.value })} />
          </label>
          <label className="field--inline">
            Priority
            <select
              value={a.priority}
              onChange={(e) =>
                update({ priority: isPriority(e.target.value) ? e.target.value : '' })
              }
            >
              <option value="">From severity</option>
              {PRIORITIES.map((p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
            </select>
          </label>
        </>
      )
    case 'add-oncall-responders':
      return schedule
    case 'assign-oncall-role':
      return (
        <>
          {schedule}
          <label className="field--inline">
            Role
            <input value={a.role} onChange={(e) => update({ role: e.target.value })} />
          </label>
        </>
      )
    case 'add-note':
      return (
        <label className="field--inline field--grow">
          Note
          <input value={a.text} onChange={(e) => update({ text: e.target.value })} />
        </label>
      )
    case 'create-opsgenie-incident':
    case 'resolve-opsgenie-incident':
      return null
  }
}

/** The workflow's actions, in the order they run. */
export function ActionRows(props: {
  actions: readonly ActionDraft[]
  onChange(actions: ActionDraft[]): void
}): ReactElement {
  const update = (n: number, change: Partial<ActionDraft>): void =>
    props.onChange(props.actions.map((a, k) => (k === n ? { ...a, ...change } : a)))
  return (
    <fieldset>
      <legend>Actions</legend>
      {props.actions.map((a, n) => (
        <div className="button-row" key={n} role="group" aria-label={`Action ${n + 1}`}>
          <label className="field--inline">
            Action
            <select
              value={a.type}
              onChange={(e) => isActionType(e.target.value) && update(n, { type: e.target.value })}
            >
              {ACTION_TYPES.map((t) => (
                <option key={t} value={t}>
                  {ACTION_LABEL[t]}
                </option>
              ))}
            </select>
          </label>
          <ActionFields action={a} update={(c) => update(n, c)} />
          <button
            type="button"
            onClick={() => props.onChange(props.actions.filter((_, k) => k !== n))}
          >
            Remove action {n + 1}
          </button>
        </div>
      ))}
      <button type="button" onClick={() => props.onChange([...props.actions, { ...EMPTY_ACTION }])}>
        Add action
      </button>
    </fieldset>
  )
}
