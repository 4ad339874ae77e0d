import { z } from 'zod'
import type { Http } from './http'
import { parseInput } from './inputs/common'
import { ActionFields, type ActionFields as ActionFieldsType } from './inputs/common'
import * as In from './inputs/alert'
import { collectPages, followPages, type Collected, type Page } from './paging'
import { createRequestsApi, type RequestsApi } from './requests'
import {
  AlertCount,
  AlertDetail,
  AlertLog,
  AlertNote,
  BaseAlert,
  CursorPage,
} from './schemas/alert'
import { Accepted, dataEnvelope, pagedEnvelope } from './schemas/common'

/** An alert by id (a plain string), alias or tiny id (API-NOTES §2.4). */
export type AlertRef =
  string | { readonly id: string } | { readonly alias: string } | { readonly tinyId: string }

export function alertPath(
  ref: AlertRef,
  suffix = '',
): { path: string; query: { identifierType: string } } {
  const [type, value] =
    typeof ref === 'string'
      ? ['id', ref]
      : 'alias' in ref
        ? ['alias', ref.alias]
        : 'tinyId' in ref
          ? ['tiny', ref.tinyId]
          : ['id', ref.id]
  parseInput(z.string().trim().min(1, 'is required'), value, `alert ${type}`)
  return {
    path: `/v2/alerts/${encodeURIComponent(value)}${suffix}`,
    query: { identifierType: type },
  }
}

const ListEnvelope = pagedEnvelope(BaseAlert)

export interface AlertsApi extends RequestsApi {
  create(input: In.CreateAlertInput): Promise<Accepted>
  get(ref: AlertRef): Promise<AlertDetail>
  list(params?: In.ListAlertsInput): Promise<BaseAlert[]>
  /** Pages through `paging.next`; the last page reports `stoppedAtCap` when 20,000 was reached. */
  pages(params?: In.ListAlertsInput): AsyncGenerator<Page<BaseAlert>>
  listAll(params?: In.ListAlertsInput): Promise<Collected<BaseAlert>>
  count(query?: string): Promise<number>
  acknowledge(ref: AlertRef, fields?: ActionFieldsType): Promise<Accepted>
  unacknowledge(ref: AlertRef, fields?: ActionFieldsType): Promise<Accepted>
  close(ref: AlertRef, fields?: ActionFieldsType): Promise<Accepted>
  addNote(ref: AlertRef, input: In.AddNoteInput): Promise<Accepted>
  listNotes(ref: AlertRef, params?: { limit?: number; offset?: string }): Promise<AlertNote[]>
  assign(ref: AlertRef, input: In.AssignInput): Promise<Accepted>
  addResponder(ref: AlertRef, input: In.AddResponderInput): Promise<Accepted>
  escalate(ref: AlertRef, input: In.EscalateInput): Promise<Accepted>
  snooze(ref: AlertRef, input: In.SnoozeInput): Promise<Accepted>
  updatePriority(ref: AlertRef, input: In.UpdatePriorityInput): Promise<Accepted>
  logs(ref: AlertRef, params?: { limit?: number; offset?: string }): Promise<AlertLog[]>
}

export function createAlertsApi(http: Http): AlertsApi {
  const act = (
    ref: AlertRef,
    action: string,
    body: unknown,
    method: 'POST' | 'PUT' = 'POST',
  ): Promise<Accepted> =>
    http.send({ method, ...alertPath(ref, `/${action}`), body, schema: Accepted })
  const listQuery = (params: In.ListAlertsInput | undefined) =>
    parseInput(In.ListAlertsInput, params ?? {}, 'alert list parameters')

  function pages(params?: In.ListAlertsInput): AsyncGenerator<Page<BaseAlert>> {
    return followPages(http, {
      path: '/v2/alerts',
      query: listQuery(params),
      schema: ListEnvelope,
      cap: In.ALERT_PAGING_CAP,
    })
  }

  return {
    ...createRequestsApi(http, '/v2/alerts'),
    create: (input) =>
      http.send({
        method: 'POST',
        path: '/v2/alerts',
        body: parseInput(In.CreateAlertInput, input, 'alert'),
        schema: Accepted,
      }),
    get: async (ref) =>
      (await http.send({ method: 'GET', ...alertPath(ref), schema: dataEnvelope(AlertDetail) }))
        .data,
    list: async (params) =>
      (
        await http.send({
          method: 'GET',
          path: '/v2/alerts',
          query: listQuery(params),
          schema: ListEnvelope,
        })
      ).data,
    pages,
    listAll: (params) => collectPages(pages(params)),
    count: async (query) =>
      (
        await http.send({
          method: 'GET',
          path: '/v2/alerts/count',
          query: { query },
          schema: dataEnvelope(AlertCount),
        })
      ).data.count,
    acknowledge: (ref, fields) =>
      act(ref, 'acknowledge', parseInput(ActionFields, fields ?? {}, 'acknowledge')),
    unacknowledge: (ref, fields) =>
      act(ref, 'unacknowledge', parseInput(ActionFields, fields ?? {}, 'unacknowledge')),
    close: (ref, fields) => act(ref, 'close', parseInput(ActionFields, fields ?? {}, 'close')),
    addNote: (ref, input) => act(ref, 'notes', parseInput(In.AddNoteInput, input, 'note')),
    listNotes: async (ref, params) => {
      const { path, query } = alertPath(ref, '/notes')
      return (
        await http.send({
          method: 'GET',
          path,
          query: { ...query, ...params },
          schema: CursorPage(AlertNote),
        })
      ).data
    },
    assign: (ref, input) => act(ref, 'assign', parseInput(In.AssignInput, input, 'assignment')),
    addResponder: (ref, input) =>
      act(ref, 'responders', parseInput(In.AddResponderInput, input, 'responder')),
    escalate: (ref, input) =>
      act(ref, 'escalate', parseInput(In.EscalateInput, input, 'escalation')),
    snooze: (ref, input) => act(ref, 'snooze', parseInput(In.SnoozeInput, input, 'snooze')),
    updatePriority: (ref, input) =>
      act(ref, 'priority', parseInput(In.UpdatePriorityInput, input, 'priority'), 'PUT'),
    logs: async (ref, params) => {
      const { path, query } = alertPath(ref, '/logs')
      return (
        await http.send({
          method: 'GET',
          path,
          query: { ...query, ...params },
          schema: CursorPage(AlertLog),
        })
      ).data
    },
  }
}
