import type { Escalation, Schedule, Team, User } from '../../../shared/domain'
import type { Action, TargetRef, Workflow } from '../workflows/workflow-schema'

export type TargetKind = 'team' | 'schedule' | 'escalation' | 'user'

/** One side's directory, as the cache (Opsgenie, before) or `directory:*` (JSM, after) has it. */
export interface DirectorySnapshot {
  readonly teams: readonly Pick<Team, 'id' | 'name'>[]
  readonly schedules: readonly Pick<Schedule, 'id' | 'name'>[]
  readonly escalations: readonly Pick<Escalation, 'id' | 'name'>[]
  readonly users: readonly Pick<User, 'id' | 'username' | 'fullName'>[]
}

export interface UnmatchedTarget {
  readonly workflow: string
  readonly kind: TargetKind
  readonly target: string
  readonly reason: string
}

export interface RetargetResult {
  /** Only the workflows that changed, each with every resolvable target re-pointed. */
  readonly changed: readonly Workflow[]
  readonly resolved: number
  readonly unmatched: readonly UnmatchedTarget[]
}

interface Named {
  readonly id: string
  readonly names: readonly string[]
}

function entries(d: DirectorySnapshot, kind: TargetKind): Named[] {
  switch (kind) {
    case 'team':
      return d.teams.map((t) => ({ id: t.id, names: [t.name] }))
    case 'schedule':
      return d.schedules.map((s) => ({ id: s.id, names: [s.name] }))
    case 'escalation':
      return d.escalations.map((e) => ({ id: e.id, names: [e.name] }))
    case 'user':
      return d.users.map((u) => ({ id: u.id, names: [u.username, u.fullName] }))
  }
}

/**
 * Directory ids do not carry over to JSM (teams become Atlassian teams, users account ids), so a
 * workflow's targets are re-resolved by name: the name the workflow holds, else the name the
 * cached Opsgenie directory has for its id. A user matches by username (the e-mail on JSM) or
 * full name. What has no single match keeps its old reference and is listed with why.
 */
export function retargetWorkflows(
  workflows: readonly Workflow[],
  before: DirectorySnapshot,
  after: DirectorySnapshot,
): RetargetResult {
  const changed: Workflow[] = []
  const unmatched: UnmatchedTarget[] = []
  let resolved = 0
  const retarget = (workflow: string, kind: TargetKind, ref: TargetRef): TargetRef => {
    const name = ref.name ?? entries(before, kind).find((e) => e.id === ref.id)?.names[0]
    const shown = name ?? ref.id ?? '?'
    if (name === undefined) {
      unmatched.push({
        workflow,
        kind,
        target: shown,
        reason: `the ${kind} is known only by its Opsgenie id, which the cached directory does not name`,
      })
      return ref
    }
    const found = entries(after, kind).filter((e) => e.names.includes(name))
    if (found.length !== 1) {
      const why = found.length === 0 ? `no ${kind} named ${name}` : `several ${kind}s named ${name}`
      unmatched.push({ workflow, kind, target: shown, reason: `${why} on the JSM site` })
      return ref
    }
    resolved += 1
    return { id: found[0]?.id ?? '', name }
  }
  for (const w of workflows) {
    const actions = w.actions.map((a): Action => {
      switch (a.type) {
        case 'page':
          return { ...a, ref: retarget(w.name, a.target, a.ref) }
        case 'add-oncall-responders':
          return a.schedule === undefined
            ? a
            : { ...a, schedule: retarget(w.name, 'schedule', a.schedule) }
        case 'assign-oncall-role':
          return { ...a, schedule: retarget(w.name, 'schedule', a.schedule) }
        default:
          return a
      }
    })
    if (JSON.stringify(actions) !== JSON.stringify(w.actions)) changed.push({ ...w, actions })
  }
  return { changed, resolved, unmatched }
}
