import { PRIORITIES, type Priority } from '../../../shared/domain'
import type { Action, Condition, Trigger, Workflow, WorkflowInput } from '../incidents/coordination'
import { parseList } from '../incidents/declare-form'

export const CONDITION_FIELDS = [
  'severity',
  'service',
  'incidentType',
  'tag',
  'alertPriority',
  'team',
] as const satisfies readonly Condition['field'][]
export type ConditionField = (typeof CONDITION_FIELDS)[number]

export const ACTION_TYPES = [
  'page',
  'create-opsgenie-incident',
  'add-oncall-responders',
  'assign-oncall-role',
  'resolve-opsgenie-incident',
  'add-note',
] as const satisfies readonly Action['type'][]
export type ActionType = (typeof ACTION_TYPES)[number]

export type PageTarget = Extract<Action, { type: 'page' }>['target']

/** A condition as typed: the values stay one comma-separated string until saved. */
export interface ConditionDraft {
  field: ConditionField
  values: string
}

/** Every action's fields in one flat shape, so switching the type keeps what was typed. */
export interface ActionDraft {
  type: ActionType
  target: PageTarget
  name: string
  priority: Priority | ''
  schedule: string
  role: string
  text: string
}

export interface WorkflowDraft {
  id: string
  name: string
  enabled: boolean
  trigger: Trigger
  match: 'all' | 'any'
  conditions: ConditionDraft[]
  actions: ActionDraft[]
  builtin?: string
}

export const EMPTY_ACTION: ActionDraft = {
  type: 'page',
  target: 'schedule',
  name: '',
  priority: '',
  schedule: '',
  role: 'Commander',
  text: '',
}

export function newWorkflowDraft(id: string): WorkflowDraft {
  return {
    id,
    name: '',
    enabled: true,
    trigger: 'incident-declared',
    match: 'all',
    conditions: [],
    actions: [{ ...EMPTY_ACTION }],
  }
}

const ref = (name: string): { name: string } | Record<string, never> =>
  name.trim() === '' ? {} : { name: name.trim() }

function toAction(a: ActionDraft): WorkflowInput['actions'][number] {
  switch (a.type) {
    case 'page':
      return {
        type: 'page',
        target: a.target,
        ref: ref(a.name),
        ...(a.priority !== '' ? { priority: a.priority } : {}),
      }
    case 'create-opsgenie-incident':
    case 'resolve-opsgenie-incident':
      return { type: a.type }
    case 'add-oncall-responders':
      return {
        type: 'add-oncall-responders',
        ...(a.schedule.trim() !== '' ? { schedule: ref(a.schedule) } : {}),
      }
    case 'assign-oncall-role':
      return { type: 'assign-oncall-role', schedule: ref(a.schedule), role: a.role.trim() }
    case 'add-note':
      return { type: 'add-note', text: a.text }
  }
}

/**
 * The draft as the engine's input. Values are not checked here: `saveWorkflow` validates and
 * its error names the field ("actions[0].ref: needs an id or a name").
 */
export function toWorkflowInput(d: WorkflowDraft): WorkflowInput {
  return {
    id: d.id,
    name: d.name.trim(),
    enabled: d.enabled,
    trigger: d.trigger,
    match: d.match,
    conditions: d.conditions.map((c) => ({ field: c.field, in: parseList(c.values) }) as Condition),
    actions: d.actions.map(toAction),
    ...(d.builtin !== undefined ? { builtin: d.builtin } : {}),
  }
}

const refName = (r: { id?: string; name?: string } | undefined): string => r?.name ?? r?.id ?? ''

function fromAction(a: Action): ActionDraft {
  const base = { ...EMPTY_ACTION, type: a.type }
  switch (a.type) {
    case 'page':
      return { ...base, target: a.target, name: refName(a.ref), priority: a.priority ?? '' }
    case 'create-opsgenie-incident':
    case 'resolve-opsgenie-incident':
      return base
    case 'add-oncall-responders':
      return { ...base, schedule: refName(a.schedule) }
    case 'assign-oncall-role':
      return { ...base, schedule: refName(a.schedule), role: a.role }
    case 'add-note':
      return { ...base, text: a.text }
  }
}

export function fromWorkflow(w: Workflow): WorkflowDraft {
  return {
    id: w.id,
    name: w.name,
    enabled: w.enabled,
    trigger: w.trigger,
    match: w.match,
    conditions: w.conditions.map((c) => ({ field: c.field, values: c.in.join(', ') })),
    actions: w.actions.map(fromAction),
    ...(w.builtin !== undefined ? { builtin: w.builtin } : {}),
  }
}

export function isPriority(value: string): value is Priority {
  return (PRIORITIES as readonly string[]).includes(value)
}

export const TRIGGER_LABEL: Readonly<Record<Trigger, string>> = {
  'incident-declared': 'Incident declared',
  'severity-changed': 'Severity changed',
  'status-changed': 'Status changed',
  'incident-resolved': 'Incident resolved',
  'alert-received': 'Alert received',
  'alert-acknowledged': 'Alert acknowledged',
  'alert-closed': 'Alert closed',
}

export const FIELD_LABEL: Readonly<Record<ConditionField, string>> = {
  severity: 'Severity',
  service: 'Service',
  incidentType: 'Incident type',
  tag: 'Tag',
  alertPriority: 'Alert priority',
  team: 'Team',
}

export const ACTION_LABEL: Readonly<Record<ActionType, string>> = {
  page: 'Page',
  'create-opsgenie-incident': 'Create the Opsgenie incident',
  'add-oncall-responders': 'Add on-call responders of a schedule',
  'assign-oncall-role': 'Assign on-call user to a role',
  'resolve-opsgenie-incident': 'Resolve the linked Opsgenie incident',
  'add-note': 'Add a note',
}
