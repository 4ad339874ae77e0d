import { assertNever } from '../../../shared/assert-never'
import type { Priority } from '../../../shared/domain'
import type { LocalIncident } from '../incidents/coordination/records'
import type { Condition, Workflow } from './workflow-schema'

/** What a workflow's conditions are checked against: the incident, the alert, or both. */
export interface ConditionSubject {
  incident?: LocalIncident
  alert?: { priority?: Priority; tags: string[]; teams: string[] }
  /** Service id -> name, so a rule may name a service either way. */
  serviceNames?: ReadonlyMap<string, string>
}

const lower = (values: readonly string[]): Set<string> =>
  new Set(values.map((v) => v.toLowerCase()))

function overlaps(have: readonly string[], want: readonly string[]): boolean {
  const wanted = lower(want)
  return have.some((h) => wanted.has(h.toLowerCase()))
}

export function conditionHolds(condition: Condition, subject: ConditionSubject): boolean {
  const { incident, alert } = subject
  switch (condition.field) {
    case 'severity':
      return incident !== undefined && condition.in.includes(incident.severity)
    case 'service': {
      const ids = incident?.serviceIds ?? []
      const names = ids.map((id) => subject.serviceNames?.get(id) ?? id)
      return overlaps([...ids, ...names], condition.in)
    }
    case 'incidentType':
      return incident?.incidentType !== undefined && overlaps([incident.incidentType], condition.in)
    case 'tag':
      return overlaps([...(incident?.tags ?? []), ...(alert?.tags ?? [])], condition.in)
    case 'alertPriority':
      return alert?.priority !== undefined && condition.in.includes(alert.priority)
    case 'team': {
      const teams = [
        ...(alert?.teams ?? []),
        ...(incident?.responders ?? [])
          .filter((r) => r.type === 'team')
          .flatMap((r) => [r.id, r.name].filter((v): v is string => v !== undefined)),
      ]
      return overlaps(teams, condition.in)
    }
    default:
      return assertNever(condition, 'workflow condition')
  }
}

/** No conditions: always. `all`: every one holds; `any`: at least one does. */
export function conditionsHold(
  workflow: Pick<Workflow, 'match' | 'conditions'>,
  subject: ConditionSubject,
): boolean {
  if (workflow.conditions.length === 0) return true
  const test = (c: Condition): boolean => conditionHolds(c, subject)
  return workflow.match === 'all' ? workflow.conditions.every(test) : workflow.conditions.some(test)
}
