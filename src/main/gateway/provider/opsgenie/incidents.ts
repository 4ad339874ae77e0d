import { z } from 'zod'
import type { Http } from './http'
import { parseInput } from './inputs/common'
import * as In from './inputs/incident'
import { createRequestsApi, type RequestsApi } from './requests'
import { Accepted, dataEnvelope, pagedEnvelope } from './schemas/common'
import { IncidentRecord } from './schemas/incident'
import { AlertNote, CursorPage } from './schemas/alert'

/** An incident by id (a plain string) or tiny id. */
export type IncidentRef = string | { readonly id: string } | { readonly tinyId: string }

function incidentPath(
  ref: IncidentRef,
  suffix = '',
): { path: string; query: { identifierType: string } } {
  const [type, value] =
    typeof ref === 'string' ? ['id', ref] : 'tinyId' in ref ? ['tiny', ref.tinyId] : ['id', ref.id]
  parseInput(z.string().trim().min(1, 'is required'), value, `incident ${type}`)
  return {
    path: `/v1/incidents/${encodeURIComponent(value)}${suffix}`,
    query: { identifierType: type },
  }
}

export interface IncidentsApi extends RequestsApi {
  create(input: In.CreateIncidentInput): Promise<Accepted>
  get(ref: IncidentRef): Promise<IncidentRecord>
  /** `query` is required by Opsgenie, e.g. `status:open`. */
  list(params: In.ListIncidentsInput): Promise<IncidentRecord[]>
  close(ref: IncidentRef, input?: In.IncidentNoteInput): Promise<Accepted>
  resolve(ref: IncidentRef, input?: In.IncidentNoteInput): Promise<Accepted>
  reopen(ref: IncidentRef, input?: In.IncidentNoteInput): Promise<Accepted>
  addNote(ref: IncidentRef, input: In.AddIncidentNoteInput): Promise<Accepted>
  addResponders(ref: IncidentRef, input: In.AddIncidentRespondersInput): Promise<Accepted>
  /** go-sdk sends PUT (API-NOTES §4); the node-sdk's POST is also accepted upstream. */
  updatePriority(ref: IncidentRef, input: In.UpdateIncidentPriorityInput): Promise<Accepted>
  updateDescription(ref: IncidentRef, input: In.UpdateIncidentDescriptionInput): Promise<Accepted>
  /** The first page of an incident's notes (same shape as an alert's), newest last. */
  listNotes(ref: IncidentRef, params?: { limit?: number; offset?: string }): Promise<AlertNote[]>
}

export function createIncidentsApi(http: Http): IncidentsApi {
  const act = (
    ref: IncidentRef,
    action: string,
    body: unknown,
    method: 'POST' | 'PUT' = 'POST',
  ): Promise<Accepted> =>
    http.send({ method, ...incidentPath(ref, `/${action}`), body, schema: Accepted })
  const noteOnly = (input: In.IncidentNoteInput | undefined, what: string) =>
    parseInput(In.IncidentNoteInput, input ?? {}, what)

  return {
    ...createRequestsApi(http, '/v1/incidents'),
    create: (input) =>
      http.send({
        method: 'POST',
        path: '/v1/incidents/create',
        body: parseInput(In.CreateIncidentInput, input, 'incident'),
        schema: Accepted,
      }),
    get: async (ref) =>
      (
        await http.send({
          method: 'GET',
          ...incidentPath(ref),
          schema: dataEnvelope(IncidentRecord),
        })
      ).data,
    list: async (params) => {
      const query = parseInput(In.ListIncidentsInput, params, 'incident list parameters')
      return (
        await http.send({
          method: 'GET',
          path: '/v1/incidents',
          query,
          schema: pagedEnvelope(IncidentRecord),
        })
      ).data
    },
    close: (ref, input) => act(ref, 'close', noteOnly(input, 'close')),
    resolve: (ref, input) => act(ref, 'resolve', noteOnly(input, 'resolve')),
    reopen: (ref, input) => act(ref, 'reopen', noteOnly(input, 'reopen')),
    addNote: (ref, input) => act(ref, 'notes', parseInput(In.AddIncidentNoteInput, input, 'note')),
    // Both official SDKs send the list under the singular key `responder` (API-NOTES §4).
    addResponders: (ref, input) => {
      const { responders, note } = parseInput(In.AddIncidentRespondersInput, input, 'responders')
      return act(ref, 'responders', { responder: responders, note })
    },
    updatePriority: (ref, input) =>
      act(ref, 'priority', parseInput(In.UpdateIncidentPriorityInput, input, 'priority'), 'PUT'),
    updateDescription: (ref, input) =>
      act(ref, 'description', parseInput(In.UpdateIncidentDescriptionInput, input, 'description')),
    listNotes: async (ref, params) => {
      const { path, query } = incidentPath(ref, '/notes')
      return (
        await http.send({
          method: 'GET',
          path,
          query: { ...query, ...params },
          schema: CursorPage(AlertNote),
        })
      ).data
    },
  }
}
