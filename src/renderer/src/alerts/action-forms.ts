import {
  ALERT_FORMS,
  alertActionLabel,
  alertForm,
  type AlertFormName,
  type FormContext,
  type FormField,
} from '../../../shared/commands/catalogue'
import type { AlertActionRequest } from './alert-actions'

/** The actions that need more than a click, in catalogue order; their fields are declared there. */
export const FORM_ACTIONS: readonly AlertFormName[] = ALERT_FORMS
export type FormAction = AlertFormName

/** A form's values by field name; selects hold their option's value. */
export type FormValues = Readonly<Record<string, string>>

export function formFields(action: FormAction): readonly FormField[] {
  return alertForm(action).fields
}

export function formLabel(action: FormAction): string {
  return alertActionLabel(action)
}

/** Each field's starting value: its declared initial value, else empty. */
export function initialValues(action: FormAction, context: FormContext): FormValues {
  return Object.fromEntries(formFields(action).map((f) => [f.name, f.initial?.(context) ?? '']))
}

/** Turns a form into the action request, or says which required field is empty. */
export function buildRequest(
  action: FormAction,
  alertId: string,
  values: FormValues,
  now: number,
): { ok: true; request: AlertActionRequest } | { ok: false; error: string } {
  const form = alertForm(action)
  const value = (name: string): string => (values[name] ?? '').trim()
  const missing = form.fields.find((f) => f.required !== undefined && value(f.name) === '')
  if (missing?.required !== undefined) return { ok: false, error: missing.required }
  // the entry's `toInput` answers its own action's args; the union cannot be followed by name
  const request = { action, alertId, args: form.toInput(value, now) } as AlertActionRequest
  return { ok: true, request }
}

/** The directory names a `pick` field offers, from the cache. */
export interface PickDirectory {
  readonly teams: readonly string[]
  readonly users: readonly { readonly username: string; readonly fullName: string }[]
  readonly schedules: readonly string[]
  readonly escalations: readonly string[]
}

export interface PickChoice {
  readonly value: string
  readonly label: string
}

/**
 * A `pick` field's choices given the form's other values (add responder lists the type chosen
 * beside it). Empty means the cache has none: the form falls back to typing a name.
 */
export function pickChoices(
  field: FormField,
  values: FormValues,
  directory: PickDirectory | undefined,
): readonly PickChoice[] {
  if (field.pick === undefined || directory === undefined) return []
  const named = (names: readonly string[]): PickChoice[] =>
    names.map((name) => ({ value: name, label: name }))
  if (field.pick.from === 'escalations') return named(directory.escalations)
  const type = values[field.pick.typeField] ?? ''
  switch (type) {
    case 'team':
      return named(directory.teams)
    case 'schedule':
      return named(directory.schedules)
    case 'escalation':
      return named(directory.escalations)
    case 'user':
      return directory.users.map((u) => ({
        value: u.username,
        label: u.fullName === '' ? u.username : `${u.fullName} (${u.username})`,
      }))
    default:
      return []
  }
}

/** Fields whose choices depend on `name`: they reset when it changes (a team is not a user). */
export function dependentsOf(action: FormAction, name: string): readonly string[] {
  return formFields(action)
    .filter((f) => f.pick?.from === 'responders' && f.pick.typeField === name)
    .map((f) => f.name)
}
