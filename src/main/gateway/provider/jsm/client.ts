import type { Priority } from '../../../../shared/domain'
import { toAdf } from './adf'
import { createJsmHttp, type JsmHttp, type JsmHttpOptions } from './http'
import * as S from './schemas'

export interface ResponderInput {
  id: string
  type: 'team' | 'user' | 'escalation' | 'schedule'
}

export interface CreateAlertInput {
  message: string
  alias?: string
  description?: string
  responders?: ResponderInput[]
  tags?: string[]
  priority?: Priority
  entity?: string
  source?: string
  note?: string
  extraProperties?: Record<string, string>
}

export interface CreateIssueInput {
  projectKey: string
  summary: string
  description?: string
  /** The site's Jira priority name (`priorities.ts` maps P1..P5 onto them). */
  priority?: string
  labels?: string[]
}

export type JsmClientOptions = JsmHttpOptions

const enc = encodeURIComponent

/**
 * The JSM calls Ondeck makes, one method each, typed in and parsed out. The client never
 * retries and never consults the governor: the adapter does both.
 */
export function createJsmClient(options: JsmClientOptions) {
  const http: JsmHttp = createJsmHttp(options)
  const ops = <T extends import('zod').ZodType>(
    method: 'GET' | 'POST' | 'PATCH',
    path: string,
    schema: T,
    body?: unknown,
    query?: Record<string, string | number | boolean | undefined>,
  ) => http.send({ api: 'ops', method, path, schema, body, ...(query ? { query } : {}) })
  const action = (id: string, verb: string, body?: unknown) =>
    ops('POST', `/alerts/${enc(id)}/${verb}`, S.Accepted, body)
  const site = http
  return {
    http,
    alerts: {
      list: (q: {
        query?: string
        offset?: number
        size?: number
        sort?: string
        order?: string
      }) => ops('GET', '/alerts', S.AlertList, undefined, q),
      get: (id: string) => ops('GET', `/alerts/${enc(id)}`, S.JsmAlert),
      byAlias: (alias: string) => ops('GET', '/alerts/alias', S.JsmAlert, undefined, { alias }),
      create: (input: CreateAlertInput) => ops('POST', '/alerts', S.Accepted, input),
      acknowledge: (id: string) => action(id, 'acknowledge'),
      unacknowledge: (id: string) => action(id, 'unacknowledge'),
      close: (id: string) => action(id, 'close'),
      assign: (id: string, accountId: string) => action(id, 'assign', { accountId }),
      addResponder: (id: string, responder: ResponderInput) => action(id, 'responders', responder),
      escalate: (id: string, escalationId: string) => action(id, 'escalate', { escalationId }),
      snooze: (id: string, endTime: string) => action(id, 'snooze', { endTime }),
      setPriority: (id: string, priority: Priority) =>
        ops('PATCH', `/alerts/${enc(id)}/priority`, S.Accepted, { priority }),
      notes: (id: string) =>
        ops('GET', `/alerts/${enc(id)}/notes`, S.NoteList, undefined, { size: 100 }),
      addNote: (id: string, note: string) =>
        ops('POST', `/alerts/${enc(id)}/notes`, S.AlertNote, { note }),
      requestStatus: (requestId: string) =>
        ops('GET', `/alerts/requests/${enc(requestId)}`, S.RequestStatus),
    },
    config: {
      teams: () => ops('GET', '/teams', S.Teams),
      schedules: (offset: number) =>
        ops('GET', '/schedules', S.ScheduleList, undefined, {
          offset,
          size: 50,
          expand: 'rotation',
        }),
      onCalls: (scheduleId: string, date: string) =>
        ops('GET', `/schedules/${enc(scheduleId)}/on-calls`, S.OnCallUsers, undefined, {
          flat: true,
          date,
        }),
      escalations: (teamId: string, offset: number) =>
        ops('GET', `/teams/${enc(teamId)}/escalations`, S.EscalationList, undefined, {
          offset,
          size: 100,
        }),
      users: (startAt: number, maxResults: number) =>
        site.send({
          api: 'site',
          method: 'GET',
          path: '/rest/api/3/users/search',
          query: { startAt, maxResults },
          schema: S.JiraUsers,
        }),
    },
    issues: {
      create: (input: CreateIssueInput) =>
        site.send({
          api: 'site',
          method: 'POST',
          path: '/rest/api/3/issue',
          schema: S.CreatedIssue,
          body: {
            fields: {
              project: { key: input.projectKey },
              issuetype: { name: 'Incident' },
              summary: input.summary,
              ...(input.description !== undefined ? { description: toAdf(input.description) } : {}),
              ...(input.priority !== undefined ? { priority: { name: input.priority } } : {}),
              ...(input.labels !== undefined ? { labels: input.labels } : {}),
            },
          },
        }),
      get: (key: string) =>
        site.send({
          api: 'site',
          method: 'GET',
          path: `/rest/api/3/issue/${enc(key)}`,
          schema: S.JiraIssue,
        }),
      edit: (key: string, fields: { priority?: string; description?: string }) =>
        site.send({
          api: 'site',
          method: 'PUT',
          path: `/rest/api/3/issue/${enc(key)}`,
          schema: S.Anything,
          body: {
            fields: {
              ...(fields.priority !== undefined ? { priority: { name: fields.priority } } : {}),
              ...(fields.description !== undefined
                ? { description: toAdf(fields.description) }
                : {}),
            },
          },
        }),
      priorities: () =>
        site.send({
          api: 'site',
          method: 'GET',
          path: '/rest/api/3/priority',
          schema: S.JiraPriorities,
        }),
      transitions: (key: string) =>
        site.send({
          api: 'site',
          method: 'GET',
          path: `/rest/api/3/issue/${enc(key)}/transitions`,
          schema: S.Transitions,
        }),
      transition: (key: string, id: string) =>
        site.send({
          api: 'site',
          method: 'POST',
          path: `/rest/api/3/issue/${enc(key)}/transitions`,
          schema: S.Anything,
          body: { transition: { id } },
        }),
      comments: (key: string) =>
        site.send({
          api: 'site',
          method: 'GET',
          path: `/rest/api/3/issue/${enc(key)}/comment`,
          schema: S.Comments,
        }),
      comment: (key: string, text: string) =>
        site.send({
          api: 'site',
          method: 'POST',
          path: `/rest/api/3/issue/${enc(key)}/comment`,
          schema: S.Anything,
          body: { body: toAdf(text) },
        }),
      search: (jql: string, nextPageToken: string | undefined, maxResults = 50) =>
        site.send({
          api: 'site',
          method: 'POST',
          path: '/rest/api/3/search/jql',
          schema: S.IssueSearch,
          body: {
            jql,
            maxResults,
            fields: [
              'summary',
              'description',
              'status',
              'priority',
              'labels',
              'created',
              'updated',
            ],
            ...(nextPageToken !== undefined ? { nextPageToken } : {}),
          },
        }),
    },
    incidents: {
      addResponders: (issueId: string, aris: string[]) =>
        http.send({
          api: 'incidents',
          method: 'POST',
          path: `/incident/${enc(issueId)}/responder`,
          schema: S.Anything,
          body: { responders: aris.map((ari) => ({ ari })) },
        }),
      responders: (issueId: string) =>
        http.send({
          api: 'incidents',
          method: 'GET',
          path: `/incident/${enc(issueId)}/responder`,
          schema: S.IncidentResponders,
        }),
      linkAlerts: (issueIds: string[], alertIds: string[]) =>
        http.send({
          api: 'incidents',
          method: 'POST',
          path: '/incident/bulk/link-alerts',
          schema: S.Anything,
          body: { issueIds, alertIds },
        }),
    },
  }
}

export type JsmClient = ReturnType<typeof createJsmClient>

/**
 * Finds a site's cloud id (`GET <site>/_edge/tenant_info`, no credentials sent): what connect
 * and the doctor do before any ops call.
 */
export async function discoverCloudId(
  siteUrl: string,
  options: { fetch?: typeof fetch; timeoutMs?: number } = {},
): Promise<string> {
  const url = `${siteUrl.replace(/\/+$/, '')}/_edge/tenant_info`
  const response = await (options.fetch ?? fetch)(url, {
    redirect: 'manual',
    signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
    headers: { Accept: 'application/json' },
  })
  const parsed = S.TenantInfo.safeParse(await response.json().catch(() => undefined))
  if (!response.ok || !parsed.success)
    throw new Error(
      `${new URL(url).origin} did not say its cloud id (${url} answered ${response.status}); is it a Jira site URL like https://example.atlassian.net?`,
    )
  return parsed.data.cloudId
}
