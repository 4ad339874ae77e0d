import type { IncidentRecord } from '../store'
import { JsmApiError } from './errors'

/**
 * The few JQL clauses Ondeck sends, joined by AND: `project = KEY`, `labels = "x"`,
 * `updated >= <epoch ms>`, `statusCategory = Done` / `!=`, `status = "Open"`, `text ~ "words"`,
 * and a trailing `ORDER BY updated ASC|DESC`. Anything else is a 400 naming the clause, so a
 * client that starts sending more JQL finds out here first.
 */
export interface JqlQuery {
  test(i: IncidentRecord, projectKey: string): boolean
  order: 'ASC' | 'DESC'
}

const STATUS_NAMES: Record<IncidentRecord['status'], string> = {
  open: 'open',
  resolved: 'resolved',
  closed: 'closed',
}

const unquote = (s: string): string => s.trim().replace(/^"(.*)"$/, '$1')

export function parseJql(jql: string): JqlQuery {
  const [where = '', orderBy] = jql.split(/\s+ORDER\s+BY\s+/i)
  const order = /\bASC\b/i.test(orderBy ?? '') ? 'ASC' : 'DESC'
  if (orderBy !== undefined && !/^updated\s+(ASC|DESC)\s*$/i.test(orderBy.trim()))
    throw new JsmApiError(400, `Unsupported ORDER BY in the simulator: ${orderBy}`)
  const clauses = where.trim() === '' ? [] : where.split(/\s+AND\s+/i)
  const tests = clauses.map((clause): ((i: IncidentRecord, project: string) => boolean) => {
    const m = /^\s*(\w+)\s*(=|!=|>=|~)\s*(.+?)\s*$/.exec(clause)
    if (!m?.[1] || !m[2] || m[3] === undefined)
      throw new JsmApiError(400, `Error in the JQL Query: cannot read '${clause}'`)
    const [field, op, raw] = [m[1].toLowerCase(), m[2], unquote(m[3])]
    if (field === 'project' && op === '=') return (_i, project) => project === raw
    if (field === 'labels' && op === '=') return (i) => i.tags.includes(raw)
    if (field === 'updated' && op === '>=') {
      // Jira reads `yyyy-MM-dd HH:mm` in the user's time zone; the simulator's users are on UTC.
      const at = /^\d+$/.test(raw)
        ? Number(raw)
        : Date.parse(
            /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/.test(raw) ? `${raw.replace(' ', 'T')}:00Z` : raw,
          )
      if (Number.isNaN(at)) throw new JsmApiError(400, `Error in the JQL Query: bad date ${raw}`)
      return (i) => i.updatedAt >= at
    }
    if (field === 'statuscategory' && raw.toLowerCase() === 'done')
      return (i) => (i.status !== 'open') === (op === '=')
    if (field === 'status' && op === '=') return (i) => STATUS_NAMES[i.status] === raw.toLowerCase()
    if (field === 'text' && op === '~') {
      const words = raw.toLowerCase()
      return (i) => `${i.message} ${i.description}`.toLowerCase().includes(words)
    }
    throw new JsmApiError(400, `Error in the JQL Query: the simulator does not read '${clause}'`)
  })
  return { test: (i, project) => tests.every((t) => t(i, project)), order }
}
