import type {
  Alert,
  Escalation,
  ResponderRef,
  Schedule,
  Team,
  User,
} from '../../../../shared/domain'

/**
 * Moving an Opsgenie workspace to its JSM site (issue 16, item 3): the pure matching, kept apart
 * from any wiring. Atlassian does not say whether alert ids, aliases or directory ids survive the
 * migration (../shared/jsm/FACTS.md §8), so alerts are matched by alias first, then by message
 * and creation time; directory targets (workflows, saved responders) by name.
 */
export interface AlertMatch {
  readonly from: string
  readonly to: string
  readonly by: 'alias' | 'message-time'
}

export interface Unmatched {
  readonly from: string
  readonly reason: string
}

export interface AlertMatching {
  readonly matched: readonly AlertMatch[]
  readonly unmatched: readonly Unmatched[]
}

/** How far apart the two sides' creation times may be for a message match (default 2 min). */
export const MESSAGE_TIME_TOLERANCE_MS = 120_000

export function matchAlerts(
  before: readonly Alert[],
  after: readonly Alert[],
  toleranceMs = MESSAGE_TIME_TOLERANCE_MS,
): AlertMatching {
  const taken = new Set<string>()
  const byAlias = new Map<string, Alert[]>()
  for (const a of after) byAlias.set(a.alias, [...(byAlias.get(a.alias) ?? []), a])
  const matched: AlertMatch[] = []
  const unmatched: Unmatched[] = []
  const rest: Alert[] = []
  for (const old of before) {
    const candidates = (byAlias.get(old.alias) ?? []).filter((a) => !taken.has(a.id))
    // Several JSM alerts with one alias: the open one, as an alias lookup answers.
    const pick = candidates.find((a) => a.status === old.status) ?? candidates[0]
    if (pick === undefined) {
      rest.push(old)
      continue
    }
    taken.add(pick.id)
    matched.push({ from: old.id, to: pick.id, by: 'alias' })
  }
  for (const old of rest) {
    const at = Date.parse(old.createdAt)
    const near = after
      .filter((a) => !taken.has(a.id) && a.message === old.message)
      .map((a) => ({ a, gap: Math.abs(Date.parse(a.createdAt) - at) }))
      .filter((x) => x.gap <= toleranceMs)
      .sort((x, y) => x.gap - y.gap)
    const [first, second] = near
    if (first === undefined) {
      unmatched.push({
        from: old.id,
        reason: `no JSM alert has its alias or its message within ${toleranceMs / 1000} s`,
      })
      continue
    }
    if (second !== undefined && second.gap === first.gap) {
      unmatched.push({
        from: old.id,
        reason: 'several JSM alerts have its message at the same time',
      })
      continue
    }
    taken.add(first.a.id)
    matched.push({ from: old.id, to: first.a.id, by: 'message-time' })
  }
  return { matched, unmatched }
}

/** Alert ids (an incident's links) carried across; those without a match are listed apart. */
export function remapAlertIds(
  ids: readonly string[],
  matching: AlertMatching,
): { ids: string[]; lost: string[] } {
  const to = new Map(matching.matched.map((m) => [m.from, m.to]))
  return {
    ids: ids.flatMap((id) => (to.has(id) ? [to.get(id) ?? id] : [])),
    lost: ids.filter((id) => !to.has(id)),
  }
}

export interface JsmDirectorySnapshot {
  readonly teams: readonly Team[]
  readonly users: readonly User[]
  readonly schedules: readonly Schedule[]
  readonly escalations: readonly Escalation[]
}

/**
 * A target (a workflow's responder, a saved pick) re-resolved on the JSM site by its name: teams,
 * schedules and escalations by name, users by username (the e-mail on JSM) or full name. Ids do
 * not carry over; what has no name on the JSM side is listed with why.
 */
export function resolveTargets(
  targets: readonly ResponderRef[],
  directory: JsmDirectorySnapshot,
): {
  resolved: { from: ResponderRef; to: ResponderRef }[]
  unmatched: { from: ResponderRef; reason: string }[]
} {
  const resolved: { from: ResponderRef; to: ResponderRef }[] = []
  const unmatched: { from: ResponderRef; reason: string }[] = []
  for (const t of targets) {
    if (t.name === undefined) {
      unmatched.push({ from: t, reason: `the ${t.type} is known only by its Opsgenie id` })
      continue
    }
    const name = t.name
    const found =
      t.type === 'team'
        ? directory.teams.find((x) => x.name === name)
        : t.type === 'schedule'
          ? directory.schedules.find((x) => x.name === name)
          : t.type === 'escalation'
            ? directory.escalations.find((x) => x.name === name)
            : directory.users.find((x) => x.username === name || x.fullName === name)
    if (found === undefined)
      unmatched.push({ from: t, reason: `no ${t.type} named ${name} on the JSM site` })
    else resolved.push({ from: t, to: { type: t.type, id: found.id, name } })
  }
  return { resolved, unmatched }
}
