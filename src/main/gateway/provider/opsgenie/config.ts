import { z } from 'zod'
import type { Http } from './http'
import { PageWindow, parseInput } from './inputs/common'
import { collectPages, followPages, type Collected } from './paging'
import { dataEnvelope, pagedEnvelope } from './schemas/common'
import {
  Account,
  EscalationRecord,
  FlatOnCalls,
  RequestLimits,
  ScheduleRecord,
  ServiceRecord,
  TeamRecord,
  UserRecord,
} from './schemas/config'

const ListUsersInput = PageWindow.extend({
  query: z.string().optional(),
  sort: z
    .enum(['username', 'fullName', 'fullName.raw', 'role', 'verified', 'blocked', 'createdAt'], {
      error: 'is not a sortable user field',
    })
    .optional(),
})
export type ListUsersInput = z.input<typeof ListUsersInput>

const OnCallsInput = z.object({
  identifierType: z.enum(['id', 'name']).optional(),
  /** A point in time (default: now). */
  date: z
    .union([z.date(), z.iso.datetime({ offset: true, error: 'must be an ISO-8601 date-time' })])
    .optional(),
})
export type OnCallsInput = z.input<typeof OnCallsInput>

const nonEmpty = (value: string, what: string): string =>
  parseInput(z.string().trim().min(1, 'is required'), value, what)

export interface ConfigApi {
  /** Every service, following `paging.next` (Standard/Enterprise plans only). */
  listServices(options?: { pageSize?: number }): Promise<Collected<ServiceRecord>>
  listTeams(): Promise<TeamRecord[]>
  getTeam(idOrName: string, identifierType?: 'id' | 'name'): Promise<TeamRecord>
  /** One page of users; `listAllUsers` follows `paging.next`. */
  listUsers(params?: ListUsersInput): Promise<{ users: UserRecord[]; totalCount?: number }>
  listAllUsers(params?: ListUsersInput): Promise<Collected<UserRecord>>
  /** Schedules with their rotations expanded. */
  listSchedules(): Promise<ScheduleRecord[]>
  /** Who is on call now (usernames), from `GET /v2/schedules/{id}/on-calls?flat=true`. */
  onCalls(schedule: string, params?: OnCallsInput): Promise<FlatOnCalls>
  listEscalations(): Promise<EscalationRecord[]>
  getAccount(): Promise<Account>
  /** The account's live per-domain limits (global or account-level keys; team keys get 403). */
  getRequestLimits(): Promise<RequestLimits>
}

export function createConfigApi(http: Http): ConfigApi {
  const usersQuery = (params: ListUsersInput | undefined) =>
    parseInput(ListUsersInput, params ?? {}, 'user list parameters')
  return {
    listServices: (options) => {
      const limit = parseInput(PageWindow.shape.limit, options?.pageSize ?? 100, 'page size')
      return collectPages(
        followPages(http, {
          path: '/v1/services',
          query: { limit, offset: 0 },
          schema: pagedEnvelope(ServiceRecord),
        }),
      )
    },
    listTeams: async () =>
      (
        await http.send({
          method: 'GET',
          path: '/v2/teams',
          schema: dataEnvelope(z.array(TeamRecord)),
        })
      ).data,
    getTeam: async (idOrName, identifierType = 'id') => {
      const path = `/v2/teams/${encodeURIComponent(nonEmpty(idOrName, 'team'))}`
      return (
        await http.send({
          method: 'GET',
          path,
          query: { identifierType },
          schema: dataEnvelope(TeamRecord),
        })
      ).data
    },
    listUsers: async (params) => {
      const answer = await http.send({
        method: 'GET',
        path: '/v2/users',
        query: usersQuery(params),
        schema: pagedEnvelope(UserRecord),
      })
      return { users: answer.data, totalCount: answer.totalCount }
    },
    listAllUsers: (params) =>
      collectPages(
        followPages(http, {
          path: '/v2/users',
          query: { limit: 100, ...usersQuery(params) },
          schema: pagedEnvelope(UserRecord),
        }),
      ),
    listSchedules: async () =>
      (
        await http.send({
          method: 'GET',
          path: '/v2/schedules',
          query: { expand: 'rotation' },
          schema: dataEnvelope(z.array(ScheduleRecord)),
        })
      ).data,
    onCalls: async (schedule, params) => {
      const { identifierType, date } = parseInput(OnCallsInput, params ?? {}, 'on-call parameters')
      const path = `/v2/schedules/${encodeURIComponent(nonEmpty(schedule, 'schedule'))}/on-calls`
      const query = {
        flat: true,
        scheduleIdentifierType: identifierType ?? 'id',
        date: date instanceof Date ? date.toISOString() : date,
      }
      return (await http.send({ method: 'GET', path, query, schema: dataEnvelope(FlatOnCalls) }))
        .data
    },
    listEscalations: async () =>
      (
        await http.send({
          method: 'GET',
          path: '/v2/escalations',
          schema: dataEnvelope(z.array(EscalationRecord)),
        })
      ).data,
    getAccount: async () =>
      (await http.send({ method: 'GET', path: '/v2/account', schema: dataEnvelope(Account) })).data,
    getRequestLimits: async () =>
      (
        await http.send({
          method: 'GET',
          path: '/v2/request-limits',
          schema: dataEnvelope(RequestLimits),
        })
      ).data,
  }
}
