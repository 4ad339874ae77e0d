import type { Alert } from '../../../shared/domain'

/**
 * Atlassian does not say whether alert ids survive the move from Opsgenie to JSM (only that
 * aliases and messages are carried), so a cached Opsgenie alert is matched to its JSM alert by
 * alias first, then by the same message created within a tolerance. Never a guess: two JSM
 * alerts equally close leave the alert unmatched, and every unmatched one says why.
 */
export type MatchableAlert = Pick<Alert, 'id' | 'alias' | 'message' | 'createdAt' | 'status'>

export interface AlertMatch {
  readonly from: string
  readonly to: string
  readonly by: 'alias' | 'message-time'
}

export interface UnmatchedAlert {
  readonly from: string
  readonly message: string
  readonly reason: string
}

export interface AlertMatching {
  readonly matched: readonly AlertMatch[]
  readonly unmatched: readonly UnmatchedAlert[]
}

/** How far apart the two creation times may be for a message match (2 minutes). */
export const MESSAGE_TIME_TOLERANCE_MS = 120_000

export function matchAlerts(
  before: readonly MatchableAlert[],
  after: readonly MatchableAlert[],
  toleranceMs = MESSAGE_TIME_TOLERANCE_MS,
): AlertMatching {
  const taken = new Set<string>()
  const byAlias = new Map<string, MatchableAlert[]>()
  for (const a of after) byAlias.set(a.alias, [...(byAlias.get(a.alias) ?? []), a])
  const matched: AlertMatch[] = []
  const unmatched: UnmatchedAlert[] = []
  const rest: MatchableAlert[] = []
  for (const old of before) {
    const candidates = (byAlias.get(old.alias) ?? []).filter((a) => !taken.has(a.id))
    // several JSM alerts with one alias (an alias is reused once closed): the one in the same state
    const pick = candidates.find((a) => a.status === old.status) ?? candidates[0]
    if (pick === undefined) rest.push(old)
    else {
      taken.add(pick.id)
      matched.push({ from: old.id, to: pick.id, by: 'alias' })
    }
  }
  for (const old of rest) {
    const at = Date.parse(old.createdAt)
    const near = after
      .filter((a) => !taken.has(a.id) && a.message === old.message)
      .map((a) => ({ a, gap: Math.abs(Date.parse(a.createdAt) - at) }))
      .filter((x) => x.gap <= toleranceMs)
      .sort((x, y) => x.gap - y.gap)
    const [first, second] = near
    const seconds = Math.round(toleranceMs / 1000)
    if (first === undefined)
      unmatched.push({
        from: old.id,
        message: old.message,
        reason: `no JSM alert has its alias, nor its message within ${seconds} s of its creation`,
      })
    else if (second !== undefined && second.gap === first.gap)
      unmatched.push({
        from: old.id,
        message: old.message,
        reason: 'several JSM alerts have its message, created equally close to it',
      })
    else {
      taken.add(first.a.id)
      matched.push({ from: old.id, to: first.a.id, by: 'message-time' })
    }
  }
  return { matched, unmatched }
}

/** Opsgenie alert id -> JSM alert id, for everything that points at alerts. */
export function matchedIds(matching: AlertMatching): ReadonlyMap<string, string> {
  return new Map(matching.matched.map((m) => [m.from, m.to]))
}
