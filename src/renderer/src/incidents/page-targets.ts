import type { ResponderRef } from '../../../shared/domain'
import type { DirectoryChoices } from './use-directory'

export const TARGET_TYPES = ['team', 'user', 'escalation', 'schedule'] as const
export type TargetType = (typeof TARGET_TYPES)[number]

export const TARGET_LABEL: Readonly<Record<TargetType, string>> = {
  team: 'Team',
  user: 'User',
  escalation: 'Escalation',
  schedule: 'Schedule',
}

export function isTargetType(value: string): value is TargetType {
  return (TARGET_TYPES as readonly string[]).includes(value)
}

/** The names a target type can be paged by (Opsgenie accepts names; users by username). */
export function targetNames(choices: DirectoryChoices, type: TargetType): string[] {
  switch (type) {
    case 'team':
      return choices.teams.map((t) => t.name)
    case 'user':
      return choices.users.map((u) => u.username)
    case 'escalation':
      return choices.escalations.map((e) => e.name)
    case 'schedule':
      return choices.schedules.map((s) => s.name)
  }
}

export function describeTargets(refs: readonly ResponderRef[]): string {
  return refs.map((r) => `${r.type} ${r.name ?? r.id ?? '?'}`).join(', ')
}
