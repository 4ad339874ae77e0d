/**
 * The incident queries Ondeck writes in Opsgenie's search syntax, as JQL over the incident
 * project: `tag:x` (the outbox's marker lookup) becomes `labels = "x"`, `status:open` /
 * `status:resolved` / `status:closed` the status, anything else a text search.
 */
const quote = (s: string): string => `"${s.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`

export function jqlOf(projectKey: string, query: string): string {
  const clauses = [`project = ${projectKey}`]
  for (const term of query.trim() === '' ? [] : query.trim().split(/\s+AND\s+/i)) {
    const m = /^(\w+):(.+)$/.exec(term.trim())
    const field = m?.[1]?.toLowerCase()
    const value = m?.[2]?.replace(/^"(.*)"$/, '$1') ?? ''
    if (field === 'tag' || field === 'tags') clauses.push(`labels = ${quote(value)}`)
    else if (field === 'status' && value.toLowerCase() === 'open')
      clauses.push('statusCategory != Done')
    else if (field === 'status') clauses.push(`status = ${quote(value)}`)
    else clauses.push(`text ~ ${quote(term.trim())}`)
  }
  return `${clauses.join(' AND ')} ORDER BY updated DESC`
}
