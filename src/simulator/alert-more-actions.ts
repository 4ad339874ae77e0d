import { z } from 'zod'
import { addNote, addResponder, describeRef, resolveResponder } from './alert-ops'
import { alertAction, type Applied } from './alert-actions'
import {
  ActionPayload,
  AddNotePayload,
  AssignPayload,
  DetailsPayload,
  EscalatePayload,
  ResponderPayload,
  TagsPayload,
  TeamPayload,
} from './payloads'
import type { Route } from './router'

/** DELETE tags/details take comma-separated query parameters. */
const csv = z.string().transform((s) =>
  s
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean),
)
const RemoveTagsQuery = ActionPayload.extend({
  tags: csv.refine((t) => t.length > 0, 'Tags can not be empty.'),
})
const RemoveDetailsQuery = ActionPayload.extend({
  keys: csv.refine((k) => k.length > 0, 'Keys can not be empty.'),
})

export const moreActionRoutes: Route[] = [
  alertAction(
    'POST',
    '/notes',
    'AddNote',
    AddNotePayload,
    (a, b, actor, rt) => {
      addNote(rt.state, a, b.note, actor.username, rt.now())
      return { log: 'Note added', webhook: { action: 'AddNote', extra: { note: b.note } } }
    },
    true,
  ),
  alertAction('POST', '/assign', 'AssignOwnership', AssignPayload, (a, b, actor, rt) => {
    const user = rt.state.users.find((u) => u.id === b.owner.id || u.username === b.owner.username)
    const owner = user?.username ?? b.owner.username
    if (!owner) return { log: '', failure: `User [${b.owner.id ?? ''}] does not exist` }
    a.owner = owner
    return {
      log: `Ownership assigned to ${owner} by ${actor.username}`,
      webhook: { action: 'AssignOwnership', extra: { owner } },
    }
  }),
  alertAction('POST', '/responders', 'AddResponder', ResponderPayload, (a, b, _actor, rt) => {
    const r = resolveResponder(rt.state, b.responder)
    if (!r) return { log: '', failure: `Responder ${describeRef(b.responder)} does not exist` }
    if (!addResponder(a.responders, r)) return { log: `${r.name} is already a responder` }
    // A team arrives as AddTeam, anything else as AddRecipient (API-NOTES §7.3).
    const webhook: Applied['webhook'] =
      r.type === 'team'
        ? { action: 'AddTeam', extra: { team: r.name } }
        : { action: 'AddRecipient', extra: { recipient: r.name } }
    return { log: `Responder ${r.name} added`, webhook }
  }),
  alertAction('POST', '/teams', 'AddTeam', TeamPayload, (a, b, _actor, rt) => {
    const r = resolveResponder(rt.state, { type: 'team', id: b.team.id, name: b.team.name })
    if (!r) return { log: '', failure: `Team [${b.team.id ?? b.team.name ?? ''}] does not exist` }
    if (!addResponder(a.responders, r)) return { log: `${r.name} is already a responder` }
    return { log: `Team ${r.name} added`, webhook: { action: 'AddTeam', extra: { team: r.name } } }
  }),
  alertAction('POST', '/escalate', 'Escalate', EscalatePayload, (a, b, _actor, rt) => {
    const escalation = rt.state.escalations.find(
      (e) => e.id === b.escalation.id || e.name === b.escalation.name,
    )
    if (!escalation)
      return {
        log: '',
        failure: `Escalation [${b.escalation.id ?? b.escalation.name ?? ''}] does not exist`,
      }
    addResponder(a.responders, { type: 'escalation', id: escalation.id, name: escalation.name })
    const rule = escalation.rules[0]
    const target =
      rule && resolveResponder(rt.state, { type: rule.recipient.type, id: rule.recipient.id })
    rt.emit({
      kind: 'escalate',
      alert: a,
      escalation,
      notify: {
        name: target?.name ?? escalation.name,
        id: target?.id ?? escalation.id,
        entity: target?.type ?? 'escalation',
      },
      at: rt.now(),
    })
    return { log: `Escalated to next via ${escalation.name}` }
  }),
  alertAction('POST', '/tags', 'AddTags', TagsPayload, (a, b) => {
    a.tags = [...new Set([...a.tags, ...b.tags])]
    return {
      log: `Tags added: ${b.tags.join(', ')}`,
      webhook: { action: 'AddTags', extra: { addedTags: b.tags.join(',') } },
    }
  }),
  alertAction('DELETE', '/tags', 'RemoveTags', RemoveTagsQuery, (a, b) => {
    const removed = b.tags.filter((t) => a.tags.includes(t))
    a.tags = a.tags.filter((t) => !b.tags.includes(t))
    return {
      log: `Tags removed: ${removed.join(', ')}`,
      webhook:
        removed.length > 0
          ? { action: 'RemoveTags', extra: { removedTags: removed.join(',') } }
          : null,
    }
  }),
  alertAction('POST', '/details', 'AddDetails', DetailsPayload, (a, b) => {
    Object.assign(a.details, b.details)
    return { log: `Details added: ${Object.keys(b.details).join(', ')}` }
  }),
  alertAction('DELETE', '/details', 'RemoveDetails', RemoveDetailsQuery, (a, b) => {
    a.details = Object.fromEntries(
      Object.entries(a.details).filter(([key]) => !b.keys.includes(key)),
    )
    return { log: `Details removed: ${b.keys.join(', ')}` }
  }),
]
