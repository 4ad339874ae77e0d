import { parsePriority, type Priority } from '../../../../shared/domain'
import type { JsmClient } from './client'
import type { Governed } from './governed'

/** Jira's default priorities, highest first: what a new site has, and the fallback. */
export const JIRA_PRIORITIES = ['Highest', 'High', 'Medium', 'Low', 'Lowest'] as const

/** P1..P5 onto a site's Jira priorities, and back. */
export interface PriorityTable {
  toJira(p: Priority): string
  fromJira(name: string | undefined): Priority
}

/**
 * The site's own priorities in Jira's order (highest first): P1 is the first, P5 the fifth (or the
 * last, on a site with fewer); a name beyond the fifth reads P5. Sites rename and add priorities,
 * so the names are read (`GET /rest/api/3/priority`) rather than assumed.
 */
export function priorityTable(names: readonly string[]): PriorityTable {
  const list = names.length > 0 ? names : JIRA_PRIORITIES
  return {
    toJira: (p) => list[Math.min(Number(p.slice(1)), list.length) - 1] ?? list[0] ?? 'Medium',
    fromJira: (name) => {
      const n = name === undefined ? -1 : list.indexOf(name)
      return n >= 0 ? (`P${Math.min(n + 1, 5)}` as Priority) : (parsePriority(name) ?? 'P3')
    },
  }
}

export const DEFAULT_PRIORITIES = priorityTable(JIRA_PRIORITIES)

/** How long a site's priority list is trusted before it is read again. */
const TTL_MS = 10 * 60_000

/** Reads the site's priorities once per `TTL_MS`; Jira's defaults while the read fails. */
export function sitePriorities(
  client: JsmClient,
  governed: Governed,
  now: () => number,
): () => Promise<PriorityTable> {
  let cached: { at: number; table: PriorityTable } | undefined
  return async () => {
    if (cached !== undefined && now() - cached.at < TTL_MS) return cached.table
    try {
      const list = await governed('incident', 'sync', () => client.issues.priorities())
      cached = { at: now(), table: priorityTable(list.map((p) => p.name)) }
      return cached.table
    } catch {
      return DEFAULT_PRIORITIES
    }
  }
}
