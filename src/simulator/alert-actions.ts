import type { z } from 'zod'
import { unprocessable } from './api-error'
import { actorOf, addLog, addNote, canSee, type Actor } from './alert-ops'
import { identifierType } from './alerts-read'
import {
  ActionPayload,
  DescriptionPayload,
  MessagePayload,
  PriorityPayload,
  SnoozePayload,
  parseBody,
} from './payloads'
import type { Ctx, Reply, Route } from './router'
import type { Outcome, Runtime } from './runtime'
import { findAlert, type AlertRecord } from './store'

/** What applying an action did: a log line, and the webhook to send (none when nothing changed). */
export interface Applied {
  log: string
  webhook?: { action: string; extra?: Record<string, string> } | null
  failure?: string
}

export type Apply<B> = (alert: AlertRecord, body: B, actor: Actor, rt: Runtime) => Applied

/**
 * One async alert action: parse the body now (422 on structure), resolve the alert and apply
 * the change when the request is processed ("Alert does not exist" is a 200 isSuccess:false).
 */
export function alertAction<S extends z.ZodType>(
  method: string,
  suffix: string,
  action: string,
  schema: S,
  apply: Apply<z.infer<S>>,
  integrationOnly = false,
): Route {
  const handler = (ctx: Ctx): Reply => {
    const input =
      method === 'DELETE' ? { ...ctx.query, ...(ctx.body as object | undefined) } : ctx.body
    const body = parseBody(schema, input)
    const type = identifierType(ctx.query, ['id', 'alias', 'tiny'])
    const identifier = ctx.params.identifier ?? ''
    const { rt, principal } = ctx
    const name = action === ':actionName' ? (ctx.params.actionName ?? '') : action
    return rt.accept('alert', name, principal, (requestId): Outcome => {
      const alert = findAlert(rt.state, identifier, type)
      if (!alert || !canSee(principal, alert.responders))
        return { isSuccess: false, status: 'Alert does not exist', entityId: '', alias: '' }
      const payload = body as ActionPayload
      const actor = actorOf(rt.state, principal, payload)
      const now = rt.now()
      const applied = apply(alert, body, actor, rt)
      if (applied.failure)
        return { isSuccess: false, status: applied.failure, entityId: alert.id, alias: alert.alias }
      alert.updatedAt = now
      addLog(rt.state, alert, applied.log, actor.username, now)
      if (payload.note && name !== 'AddNote')
        addNote(rt.state, alert, payload.note, actor.username, now)
      if (applied.webhook) {
        rt.emit({
          kind: 'alert',
          action: applied.webhook.action || name,
          alert,
          actor,
          at: now,
          requestId,
          extra: applied.webhook.extra,
        })
      }
      return {
        isSuccess: true,
        status: `${name} processed`,
        entityId: alert.id,
        alias: alert.alias,
      }
    })
  }
  return { method, pattern: `/v2/alerts/:identifier${suffix}`, handler, gate: { integrationOnly } }
}

const ack: Apply<ActionPayload> = (a, _b, actor, rt) => {
  if (a.acknowledged || a.status === 'closed')
    return { log: 'Acknowledge ignored: already acknowledged or closed' }
  a.acknowledged = true
  a.report.ackTime = rt.now() - a.createdAt
  a.report.acknowledgedBy = actor.username
  return { log: `Alert acknowledged by ${actor.username}`, webhook: { action: 'Acknowledge' } }
}

const unack: Apply<ActionPayload> = (a, _b, actor) => {
  if (!a.acknowledged) return { log: 'UnAcknowledge ignored: not acknowledged' }
  a.acknowledged = false
  return { log: `Alert unacknowledged by ${actor.username}`, webhook: { action: 'UnAcknowledge' } }
}

const close: Apply<ActionPayload> = (a, _b, actor, rt) => {
  // Closing a closed alert succeeds as a no-op (API-NOTES §3.5).
  if (a.status === 'closed') return { log: 'Close ignored: already closed' }
  a.status = 'closed'
  a.snoozedUntil = undefined
  a.report.closeTime = rt.now() - a.createdAt
  a.report.closedBy = actor.username
  return { log: `Alert closed by ${actor.username}`, webhook: { action: 'Close' } }
}

function snoozeRoute(): Route {
  const route = alertAction('POST', '/snooze', 'Snooze', SnoozePayload, (a, b) => {
    a.snoozedUntil = Date.parse(b.endTime)
    // Opsgenie's webhook integration offers an "alert is snoozed" trigger; the action string
    // `Snooze` and the `snoozedUntil` field are unverified (no captured payload): API-NOTES §7.3.
    return {
      log: `Alert snoozed until ${b.endTime}`,
      webhook: {
        action: 'Snooze',
        extra: { snoozedUntil: new Date(a.snoozedUntil).toISOString() },
      },
    }
  })
  const inner = route.handler
  return {
    ...route,
    handler: (ctx) => {
      const body = parseBody(SnoozePayload, ctx.body)
      if (Date.parse(body.endTime) <= ctx.rt.now())
        throw unprocessable({ endTime: 'endTime must be in the future' })
      return inner(ctx)
    },
  }
}

export const basicActionRoutes: Route[] = [
  alertAction('POST', '/acknowledge', 'Acknowledge', ActionPayload, ack, true),
  alertAction('POST', '/unacknowledge', 'UnAcknowledge', ActionPayload, unack),
  alertAction('POST', '/close', 'Close', ActionPayload, close, true),
  snoozeRoute(),
  alertAction('PUT', '/priority', 'UpdatePriority', PriorityPayload, (a, b) => {
    const old = a.priority
    a.priority = b.priority
    return {
      log: `Priority changed from ${old} to ${b.priority}`,
      webhook: { action: 'UpdatePriority', extra: { oldPriority: old } },
    }
  }),
  alertAction('PUT', '/message', 'UpdateMessage', MessagePayload, (a, b) => {
    a.message = b.message
    return { log: 'Message updated', webhook: { action: 'UpdateMessage' } }
  }),
  alertAction('PUT', '/description', 'UpdateDescription', DescriptionPayload, (a, b) => {
    a.description = b.description
    return { log: 'Description updated', webhook: { action: 'UpdateDescription' } }
  }),
  alertAction('DELETE', '', 'Delete', ActionPayload, (a, _b, actor, rt) => {
    rt.state.alerts.delete(a.id)
    return { log: `Alert deleted by ${actor.username}`, webhook: { action: 'Delete' } }
  }),
  alertAction('POST', '/actions/:actionName', ':actionName', ActionPayload, (_a, _b, actor) => ({
    log: `Custom action executed by ${actor.username}`,
    // The action name comes from the path; an empty webhook action means "use the request's action".
    webhook: { action: '' },
  })),
]
