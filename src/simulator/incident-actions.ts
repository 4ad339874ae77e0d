import { z } from 'zod'
import {
  actorOf,
  addLog,
  addNote,
  addResponder,
  canSee,
  describeRef,
  resolveResponder,
} from './alert-ops'
import { identifierType } from './alerts-read'
import { IncidentRespondersPayload, PriorityValue, parseBody } from './payloads'
import type { Ctx, Reply, Route } from './router'
import type { Outcome, Runtime } from './runtime'
import type { IncidentRecord } from './store'

type Apply<B> = (
  incident: IncidentRecord,
  body: B,
  rt: Runtime,
) => { log: string; failure?: string }

const NotePayload = z.object({ note: z.string().optional() })

/** One async incident action; like alerts, a missing incident is a 200 with isSuccess:false. */
function incidentAction<S extends z.ZodType>(
  method: string,
  suffix: string,
  action: string,
  schema: S,
  apply: Apply<z.infer<S>>,
): Route {
  const handler = (ctx: Ctx): Reply => {
    const body = parseBody(schema, ctx.body)
    const type = identifierType(ctx.query, ['id', 'tiny'])
    const id = ctx.params.identifier ?? ''
    const { rt, principal } = ctx
    return rt.accept('incident', action, principal, (): Outcome => {
      const incident = [...rt.state.incidents.values()].find((i) =>
        type === 'id' ? i.id === id : i.tinyId === id,
      )
      if (!incident || !canSee(principal, incident.responders))
        return { isSuccess: false, status: 'Incident does not exist', entityId: '' }
      const now = rt.now()
      const actor = actorOf(rt.state, principal, {})
      const applied = apply(incident, body, rt)
      if (applied.failure)
        return { isSuccess: false, status: applied.failure, entityId: incident.id }
      incident.updatedAt = now
      addLog(rt.state, incident, applied.log, actor.username, now)
      const note = (body as { note?: unknown }).note
      if (typeof note === 'string' && note && action !== 'AddNote')
        addNote(rt.state, incident, note, actor.username, now)
      return { isSuccess: true, status: `${action} processed`, entityId: incident.id }
    })
  }
  return { method, pattern: `/v1/incidents/:identifier${suffix}`, handler }
}

const setStatus =
  (to: IncidentRecord['status'], from: IncidentRecord['status'][]): Apply<unknown> =>
  (i) => {
    if (!from.includes(i.status))
      return { log: '', failure: `Incident is ${i.status}; cannot change it to ${to}` }
    i.status = to
    return { log: `Incident ${to === 'open' ? 'reopened' : to}` }
  }

const PriorityBody = z.object({ priority: PriorityValue })
const updatePriority: Apply<z.infer<typeof PriorityBody>> = (i, b) => {
  const old = i.priority
  i.priority = b.priority
  return { log: `Priority changed from ${old} to ${b.priority}` }
}

export const incidentActionRoutes: Route[] = [
  incidentAction('DELETE', '', 'Delete', z.object({}), (i, _b, rt) => {
    rt.state.incidents.delete(i.id)
    return { log: 'Incident deleted' }
  }),
  incidentAction('POST', '/close', 'Close', NotePayload, setStatus('closed', ['open', 'resolved'])),
  incidentAction('POST', '/resolve', 'Resolve', NotePayload, setStatus('resolved', ['open'])),
  incidentAction(
    'POST',
    '/reopen',
    'Reopen',
    NotePayload,
    setStatus('open', ['resolved', 'closed']),
  ),
  incidentAction(
    'POST',
    '/notes',
    'AddNote',
    z.object({ note: z.string().min(1, 'Note can not be empty.') }),
    (i, b, rt) => {
      addNote(rt.state, i, b.note, 'API', rt.now())
      return { log: 'Note added' }
    },
  ),
  // The SDKs send `responder` (go, node) while the docs say `responders`: accept both.
  incidentAction('POST', '/responders', 'AddResponder', IncidentRespondersPayload, (i, b, rt) => {
    const refs = [...(b.responder ?? []), ...(b.responders ?? [])]
    if (refs.length === 0) return { log: '', failure: 'No responders given' }
    for (const ref of refs) {
      const r = resolveResponder(rt.state, ref)
      if (!r) return { log: '', failure: `Responder ${describeRef(ref)} does not exist` }
      addResponder(i.responders, r)
    }
    return { log: `Responders added: ${refs.map(describeRef).join(', ')}` }
  }),
  // go-sdk sends priority as PUT, node-sdk as POST (API-NOTES §4).
  incidentAction('PUT', '/priority', 'UpdatePriority', PriorityBody, updatePriority),
  incidentAction('POST', '/priority', 'UpdatePriority', PriorityBody, updatePriority),
  incidentAction(
    'POST',
    '/message',
    'UpdateMessage',
    z.object({
      message: z
        .string()
        .min(1)
        .transform((s) => s.slice(0, 130)),
    }),
    (i, b) => {
      i.message = b.message
      return { log: 'Message updated' }
    },
  ),
  incidentAction(
    'POST',
    '/description',
    'UpdateDescription',
    z.object({ description: z.string() }),
    (i, b) => {
      i.description = b.description
      return { log: 'Description updated' }
    },
  ),
]
