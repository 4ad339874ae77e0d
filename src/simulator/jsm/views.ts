import { iso } from '../ids'
import type { AlertRecord, IncidentRecord, NoteRecord, SimulatorState } from '../store'

/**
 * JSM Ops renderings of the shared simulator records (`AlertResponse`, `AlertNote`, ...), as the
 * API description in ../shared/jsm/jsm-ops.v3.json names them. Same store as the Opsgenie mode;
 * only the shapes differ.
 */
export function jsmAlert(
  a: AlertRecord,
  now: number,
  state: SimulatorState,
): Record<string, unknown> {
  const snoozed = a.snoozedUntil !== undefined && a.snoozedUntil > now && a.status === 'open'
  const status =
    a.status === 'closed' ? 'closed' : snoozed ? 'snoozed' : a.acknowledged ? 'acked' : 'open'
  const owner = state.users.find((u) => u.username === a.owner)
  return {
    id: a.id,
    tinyId: a.tinyId,
    createdAt: iso(a.createdAt),
    updatedAt: iso(a.updatedAt),
    message: a.message,
    entity: a.entity,
    source: a.source,
    status,
    alias: a.alias,
    tags: a.tags,
    extraProperties: a.details,
    description: a.description,
    acknowledged: a.acknowledged,
    ...(a.report.ackTime !== undefined ? { ackTime: iso(a.createdAt + a.report.ackTime) } : {}),
    ...(a.report.closeTime !== undefined
      ? { closeTime: iso(a.createdAt + a.report.closeTime) }
      : {}),
    count: a.count,
    // The description's owner is a display name; the store keeps the acting username.
    owner: owner?.fullName ?? a.owner,
    snoozed,
    ...(snoozed && a.snoozedUntil !== undefined ? { snoozedUntil: iso(a.snoozedUntil) } : {}),
    // Spelled `lastOccuredAt` in the API description.
    lastOccuredAt: iso(a.lastOccurredAt),
    integrationType: a.integration.type,
    integrationName: a.integration.name,
    priority: a.priority,
    responders: a.responders.map((r) => ({ id: r.id, type: r.type })),
    actions: a.actions,
    seen: a.isSeen,
  }
}

export function jsmNote(n: NoteRecord): Record<string, unknown> {
  return {
    id: n.offset.replace('_', ''),
    createdAt: iso(n.createdAt),
    updatedAt: iso(n.createdAt),
    note: n.note,
    owner: n.owner,
  }
}

/** Jira's priorities in a new incident project, highest first; P1..P5 map onto them in order. */
export const JIRA_PRIORITIES = ['Highest', 'High', 'Medium', 'Low', 'Lowest'] as const

/** One paragraph of Atlassian Document Format, which Jira's v3 API uses for rich text. */
export function adf(text: string): Record<string, unknown> {
  return {
    type: 'doc',
    version: 1,
    content: text === '' ? [] : [{ type: 'paragraph', content: [{ type: 'text', text }] }],
  }
}

/** The plain text of an ADF document (every text node, paragraphs joined by new lines). */
export function adfText(doc: unknown): string {
  if (typeof doc === 'string') return doc
  const walk = (node: unknown): string => {
    if (typeof node !== 'object' || node === null) return ''
    const n = node as { type?: unknown; text?: unknown; content?: unknown }
    if (typeof n.text === 'string') return n.text
    if (!Array.isArray(n.content)) return ''
    const parts = n.content.map(walk)
    return n.type === 'doc' ? parts.join('\n') : parts.join('')
  }
  return walk(doc)
}

export interface IncidentProject {
  key: string
  id: string
  /** The site's priorities, highest first (default Jira's five); sites rename them. */
  priorities?: readonly string[]
}

export const prioritiesOf = (project: IncidentProject): readonly string[] =>
  project.priorities ?? JIRA_PRIORITIES

export const issueKey = (project: IncidentProject, i: IncidentRecord): string =>
  `${project.key}-${i.tinyId}`
export const issueId = (i: IncidentRecord): string => String(10_000 + Number(i.tinyId))

const STATUS = {
  open: { name: 'Open', id: '1', category: 'new' },
  resolved: { name: 'Resolved', id: '5', category: 'done' },
  closed: { name: 'Closed', id: '6', category: 'done' },
} as const

export function jiraStatus(status: IncidentRecord['status']): Record<string, unknown> {
  const s = STATUS[status]
  return { id: s.id, name: s.name, statusCategory: { key: s.category } }
}

/** A Jira issue of the incident type, with the fields Ondeck reads. */
export function jiraIssue(
  i: IncidentRecord,
  project: IncidentProject,
  base: string,
): Record<string, unknown> {
  const names = prioritiesOf(project)
  const n = Math.min(names.length - 1, Math.max(0, Number(i.priority.slice(1)) - 1))
  return {
    id: issueId(i),
    key: issueKey(project, i),
    self: `${base}/rest/api/3/issue/${issueId(i)}`,
    fields: {
      summary: i.message,
      description: adf(i.description),
      status: jiraStatus(i.status),
      priority: { id: String(n + 1), name: names[n] },
      labels: i.tags,
      issuetype: { id: '10010', name: 'Incident' },
      project: { id: project.id, key: project.key },
      created: jiraTime(i.createdAt),
      updated: jiraTime(i.updatedAt),
    },
  }
}

/** Jira writes times like `2026-12-06T17:20:00.000+0000`. */
export const jiraTime = (ms: number): string => iso(ms).replace('Z', '+0000')
