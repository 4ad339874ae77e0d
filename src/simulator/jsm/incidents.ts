import { z } from 'zod'
import { addLog, addNote, addResponder } from '../alert-ops'
import { iso } from '../ids'
import { parseBody } from '../payloads'
import type { Ctx, Reply, Route } from '../router'
import type { IncidentRecord, Priority } from '../store'
import { JsmApiError } from './errors'
import { parseJql } from './jql'
import {
  adf,
  adfText,
  issueId,
  issueKey,
  jiraIssue,
  jiraStatus,
  prioritiesOf,
  type IncidentProject,
} from './views'

/**
 * Incidents are Jira issues of the service project's incident type: created, prioritised and
 * transitioned through Jira's issue API on the site; responders and linked alerts through the
 * JSM incidents API. The simulator keeps them in the shared store's incidents.
 */
const TRANSITIONS = {
  open: [
    { id: '31', name: 'Resolve', to: 'resolved' },
    { id: '41', name: 'Close', to: 'closed' },
  ],
  resolved: [
    { id: '41', name: 'Close', to: 'closed' },
    { id: '11', name: 'Reopen', to: 'open' },
  ],
  closed: [{ id: '11', name: 'Reopen', to: 'open' }],
} as const

const Named = z.object({ id: z.string().optional(), name: z.string().optional() })
const CreateIssue = z.object({
  fields: z.object({
    project: z.object({ key: z.string().optional(), id: z.string().optional() }),
    issuetype: Named,
    summary: z.string().min(1, 'You must specify a summary of the issue.'),
    description: z.unknown().optional(),
    priority: Named.optional(),
    labels: z.array(z.string().regex(/^\S+$/, 'Labels cannot contain spaces.')).optional(),
  }),
})
const EditIssue = z.object({
  fields: z.object({ priority: Named.optional(), description: z.unknown().optional() }).optional(),
})

function priorityOf(
  names: readonly string[],
  named: { id?: string | undefined; name?: string | undefined },
): Priority {
  const byName = names.findIndex((p) => p === named.name)
  const n = byName >= 0 ? byName : Number(named.id ?? '3') - 1
  if (!(n >= 0 && n < names.length))
    throw new JsmApiError(400, `The priority ${named.name ?? named.id ?? ''} is not valid.`)
  return `P${Math.min(n + 1, 5)}` as Priority
}

export function jsmIncidentRoutes(project: IncidentProject): Route[] {
  const find = (ctx: Ctx, key = ctx.params.issue ?? ''): IncidentRecord => {
    for (const i of ctx.rt.state.incidents.values())
      if (issueId(i) === key || issueKey(project, i) === key) return i
    throw new JsmApiError(404, 'Issue does not exist or you do not have permission to see it.')
  }
  const base = (ctx: Ctx): string => ctx.rt.baseUrl()
  const touch = (ctx: Ctx, i: IncidentRecord, log: string): void => {
    const now = ctx.rt.now()
    i.updatedAt = now
    addLog(ctx.rt.state, i, log, ctx.principal.integrationName, now)
  }

  const create = (ctx: Ctx): Reply => {
    const { fields } = parseBody(CreateIssue, ctx.body)
    if (fields.project.key !== project.key && fields.project.id !== project.id)
      throw new JsmApiError(
        400,
        `project: valid project is required (this site has ${project.key})`,
      )
    if (fields.issuetype.name !== 'Incident' && fields.issuetype.id !== '10010')
      throw new JsmApiError(400, 'issuetype: Specify a valid issue type (Incident).')
    const { state } = ctx.rt
    const now = ctx.rt.now()
    state.counters.incidentTinyId += 1
    const record: IncidentRecord = {
      id: `jira-${String(10_000 + state.counters.incidentTinyId)}`,
      tinyId: String(state.counters.incidentTinyId),
      message: fields.summary,
      description: adfText(fields.description ?? ''),
      status: 'open',
      tags: fields.labels ?? [],
      createdAt: now,
      updatedAt: now,
      priority: fields.priority ? priorityOf(prioritiesOf(project), fields.priority) : 'P3',
      responders: [],
      ownerTeam: '',
      extraProperties: {},
      impactedServices: [],
      associatedAlertIds: [],
      notes: [],
      logs: [],
    }
    state.incidents.set(record.id, record)
    addLog(state, record, 'Issue created', ctx.principal.integrationName, now)
    return {
      status: 201,
      body: {
        id: issueId(record),
        key: issueKey(project, record),
        self: `${base(ctx)}/rest/api/3/issue/${issueId(record)}`,
      },
    }
  }

  const edit = (ctx: Ctx): Reply => {
    const { fields } = parseBody(EditIssue, ctx.body)
    const i = find(ctx)
    if (fields?.priority) i.priority = priorityOf(prioritiesOf(project), fields.priority)
    if (fields?.description !== undefined) i.description = adfText(fields.description)
    touch(ctx, i, 'Issue edited')
    return { status: 204, body: {} }
  }

  const transitions = (ctx: Ctx): Reply => ({
    status: 200,
    body: {
      transitions: TRANSITIONS[find(ctx).status].map((t) => ({
        id: t.id,
        name: t.name,
        to: { ...jiraStatus(t.to) },
      })),
    },
  })

  const transition = (ctx: Ctx): Reply => {
    const body = parseBody(z.object({ transition: z.object({ id: z.string() }) }), ctx.body)
    const i = find(ctx)
    const t = TRANSITIONS[i.status].find((x) => x.id === body.transition.id)
    if (!t)
      throw new JsmApiError(
        400,
        `Transition id '${body.transition.id}' is not valid for this issue.`,
      )
    i.status = t.to
    touch(ctx, i, `Transitioned: ${t.name}`)
    return { status: 204, body: {} }
  }

  const comments = (ctx: Ctx): Reply => {
    const i = find(ctx)
    return {
      status: 200,
      body: {
        startAt: 0,
        maxResults: i.notes.length,
        total: i.notes.length,
        comments: i.notes.map((n) => ({
          id: n.offset.replace('_', ''),
          body: adf(n.note),
          created: iso(n.createdAt),
          updated: iso(n.createdAt),
        })),
      },
    }
  }

  const comment = (ctx: Ctx): Reply => {
    const body = parseBody(z.object({ body: z.unknown() }), ctx.body)
    const i = find(ctx)
    const text = adfText(body.body)
    if (text.trim() === '') throw new JsmApiError(400, 'Comment body can not be empty!')
    const now = ctx.rt.now()
    addNote(ctx.rt.state, i, text, ctx.principal.integrationName, now)
    i.updatedAt = now
    const n = i.notes.at(-1)
    return {
      status: 201,
      body: { id: n?.offset.replace('_', '') ?? '', body: adf(text), created: iso(now) },
    }
  }

  const search = (ctx: Ctx): Reply => {
    const body = parseBody(
      z.object({
        jql: z.string(),
        maxResults: z.number().int().min(1).max(5000).optional(),
        nextPageToken: z.string().optional(),
      }),
      ctx.body,
    )
    const q = parseJql(body.jql)
    const sign = q.order === 'ASC' ? 1 : -1
    const all = [...ctx.rt.state.incidents.values()]
      .filter((i) => q.test(i, project.key))
      .sort((a, b) => sign * (a.updatedAt - b.updatedAt) || Number(a.tinyId) - Number(b.tinyId))
    const start = body.nextPageToken === undefined ? 0 : Number(body.nextPageToken)
    const max = body.maxResults ?? 50
    const page = all.slice(start, start + max)
    const more = start + max < all.length
    return {
      status: 200,
      body: {
        issues: page.map((i) => jiraIssue(i, project, base(ctx))),
        ...(more ? { nextPageToken: String(start + max) } : {}),
        isLast: !more,
      },
    }
  }

  const Ari = z.object({ ari: z.string().regex(/^ari:cloud:identity::(team|user)\/.+$/) })
  const addResponders = (ctx: Ctx): Reply => {
    const body = parseBody(z.object({ responders: z.array(Ari).min(1) }), ctx.body)
    const i = find(ctx, ctx.params.issueId)
    for (const { ari } of body.responders) {
      const [, kind, id = ''] = /^ari:cloud:identity::(team|user)\/(.+)$/.exec(ari) ?? []
      const state = ctx.rt.state
      const found =
        kind === 'team'
          ? state.teams.find((t) => t.id === id)
          : state.users.find((u) => u.id === id)
      if (!found) throw new JsmApiError(400, `Responder ${ari} does not exist.`)
      const name = 'name' in found ? found.name : found.username
      addResponder(i.responders, { type: kind === 'team' ? 'team' : 'user', id, name })
    }
    touch(ctx, i, 'Responders added')
    return { status: 200, body: {} }
  }

  const linkAlerts = (ctx: Ctx): Reply => {
    const body = parseBody(
      z.object({ issueIds: z.array(z.string()).min(1), alertIds: z.array(z.string()).min(1) }),
      ctx.body,
    )
    for (const key of body.issueIds) {
      const i = find(ctx, key)
      for (const a of body.alertIds)
        if (!i.associatedAlertIds.includes(a)) i.associatedAlertIds.push(a)
      touch(ctx, i, 'Alerts linked')
    }
    return { status: 202, body: {} }
  }

  const INC = '/jsm/incidents/cloudId/:cloudId/v1/incident'
  return [
    { method: 'POST', pattern: '/rest/api/3/issue', handler: create },
    {
      method: 'GET',
      pattern: '/rest/api/3/priority',
      handler: () => ({
        status: 200,
        body: prioritiesOf(project).map((name, n) => ({
          id: String(n + 1),
          name,
        })) as unknown as Record<string, unknown>,
      }),
    },
    {
      method: 'GET',
      pattern: '/rest/api/3/issue/:issue',
      handler: (ctx) => ({ status: 200, body: jiraIssue(find(ctx), project, base(ctx)) }),
    },
    { method: 'PUT', pattern: '/rest/api/3/issue/:issue', handler: edit },
    { method: 'GET', pattern: '/rest/api/3/issue/:issue/transitions', handler: transitions },
    { method: 'POST', pattern: '/rest/api/3/issue/:issue/transitions', handler: transition },
    { method: 'GET', pattern: '/rest/api/3/issue/:issue/comment', handler: comments },
    { method: 'POST', pattern: '/rest/api/3/issue/:issue/comment', handler: comment },
    { method: 'POST', pattern: '/rest/api/3/search/jql', handler: search },
    { method: 'POST', pattern: `${INC}/bulk/link-alerts`, handler: linkAlerts },
    {
      method: 'GET',
      pattern: `${INC}/:issueId/responder`,
      handler: (ctx) => ({
        status: 200,
        body: {
          responders: find(ctx, ctx.params.issueId).responders.map((r) => ({
            ari: `ari:cloud:identity::${r.type}/${r.id}`,
          })),
        },
      }),
    },
    { method: 'POST', pattern: `${INC}/:issueId/responder`, handler: addResponders },
    {
      method: 'GET',
      pattern: `${INC}/:issueId/alert`,
      handler: (ctx) => ({
        status: 200,
        body: {
          values: { alertIds: find(ctx, ctx.params.issueId).associatedAlertIds },
          startKey: null,
        },
      }),
    },
  ]
}
