import { actorOf, addLog, addNote, addResponder, resolveResponder } from './alert-ops'
import { alertId } from './ids'
import { CreateAlertPayload, parseBody } from './payloads'
import type { Ctx, Reply } from './router'
import type { Outcome } from './runtime'
import { findAlert, type AlertRecord, type ResponderRecord } from './store'

/**
 * POST /v2/alerts. Structure is checked now (422); the alert is made when the request is
 * processed. An open alert with the same alias absorbs the create (count and lastOccurredAt).
 */
export function createAlert(ctx: Ctx): Reply {
  const body = parseBody(CreateAlertPayload, ctx.body)
  const { rt, principal } = ctx
  return rt.accept('alert', 'Create', principal, (requestId): Outcome => {
    const { state } = rt
    const now = rt.now()
    const actor = actorOf(state, principal, body)
    const existing = body.alias === undefined ? undefined : findAlert(state, body.alias, 'alias')
    if (existing && existing.status === 'open') {
      existing.count += 1
      existing.lastOccurredAt = now
      existing.updatedAt = now
      addLog(state, existing, `Alert occurred again (count ${existing.count})`, actor.username, now)
      return {
        isSuccess: true,
        status: 'Created alert',
        entityId: existing.id,
        alias: existing.alias,
      }
    }
    const responders: ResponderRecord[] = []
    if (principal.kind === 'team') {
      // Team keys override routing with their own team (API-NOTES §1.2).
      const team = state.teams.find((t) => t.name === principal.teamName)
      if (team) responders.push({ type: 'team', id: team.id, name: team.name })
    } else {
      for (const ref of body.responders ?? []) {
        const r = resolveResponder(state, ref)
        if (r) addResponder(responders, r)
      }
    }
    state.counters.alertTinyId += 1
    const id = alertId(now)
    const alert: AlertRecord = {
      id,
      tinyId: String(state.counters.alertTinyId),
      alias: body.alias ?? id,
      message: body.message,
      description: body.description ?? '',
      status: 'open',
      acknowledged: false,
      isSeen: false,
      tags: [...new Set(body.tags ?? [])],
      count: 1,
      lastOccurredAt: now,
      createdAt: now,
      updatedAt: now,
      source: body.source ?? '127.0.0.1',
      owner: '',
      priority: body.priority ?? 'P3',
      responders,
      actions: body.actions ?? [],
      entity: body.entity ?? '',
      details: body.details ?? {},
      integration: { id: principal.integrationId, name: principal.integrationName, type: 'API' },
      report: {},
      notes: [],
      logs: [],
    }
    state.alerts.set(id, alert)
    addLog(state, alert, `Alert created via ${principal.integrationName}`, actor.username, now)
    if (body.note) addNote(state, alert, body.note, actor.username, now)
    rt.emit({ kind: 'alert', action: 'Create', alert, actor, at: now, requestId })
    return { isSuccess: true, status: 'Created alert', entityId: id, alias: alert.alias }
  })
}
