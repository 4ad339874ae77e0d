import { parsePriority, type Alert, type ResponderRef } from '../../../shared/domain'
import { assertNever } from '../../../shared/assert-never'
import { nsToIso, toAlertRow } from '../db/derive'
import type { ActivityRow, AlertRow } from '../db/rows'
import { isAtLeastAsNew } from './trust'
import { actionOf, activityKindOf, type KnownAction } from './webhook-actions'
import { IngestProblem, nsText, stringOf, type WebhookEvent } from './webhook-event'

/** What one webhook does to the cache: the row to write (or delete) and one timeline entry. */
export interface WebhookEffect {
  readonly row: AlertRow | 'delete' | undefined
  readonly activity: ActivityRow
}

/**
 * Applies one webhook to the alert as cached. State changes only when the event is at least as new
 * as the row (`versionNs`), unless the row's version is past `boundNs` (a far-future stamp stored
 * before clamping existed, which must not pin the row); an older event still gets its timeline
 * entry. A deleted alert is never brought back by a late event. Delete answers `'delete'`: the
 * caller decides what a Delete does (ingest asks the API before hiding anything).
 */
export function applyWebhook(
  current: AlertRow | undefined,
  deleted: boolean,
  event: WebhookEvent,
  boundNs: string,
): WebhookEffect {
  const action = actionOf(event.action)
  if (action === 'custom' && event.versionNs === undefined) {
    throw new IngestProblem(
      `unknown action "${event.action}" without alert.updatedAt: cannot order or apply it`,
    )
  }
  const activity = activityOf(event, action)
  if (action === 'Delete') return { row: 'delete', activity }
  const newer =
    event.versionNs !== undefined &&
    (current === undefined || isAtLeastAsNew(event.versionNs, current.versionNs, boundNs))
  if (deleted || !newer || event.versionNs === undefined) return { row: undefined, activity }
  const base = current === undefined ? fromWebhook(event) : merge(current, event)
  if (base === undefined) return { row: undefined, activity }
  return { row: toAlertRow(effectOf(action, base, event), event.versionNs), activity }
}

function effectOf(action: KnownAction | 'custom', alert: Alert, event: WebhookEvent): Alert {
  const a = event.alert
  switch (action) {
    case 'Acknowledge':
      return { ...alert, acknowledged: true }
    case 'UnAcknowledge':
      return { ...alert, acknowledged: false }
    case 'AssignOwnership': {
      const owner = stringOf(a['owner'])
      return owner === undefined ? alert : { ...alert, owner }
    }
    case 'TakeOwnership':
      return event.actor === undefined ? alert : { ...alert, owner: event.actor }
    case 'AddTeam': {
      const team = stringOf(a['team'])
      return team === undefined
        ? alert
        : {
            ...alert,
            responders: unionResponders(alert.responders, [{ type: 'team', name: team }]),
          }
    }
    case 'Close':
      return { ...alert, status: 'closed' }
    case 'Snooze': {
      const until = stringOf(a['snoozedUntil'])
      return {
        ...alert,
        snoozed: true,
        ...(until !== undefined && isIso(until) ? { snoozedUntil: until } : {}),
      }
    }
    case 'AddTags':
    case 'RemoveTags':
      return { ...alert, tags: tagsAfter(action, alert.tags, a) }
    case 'Create':
    case 'AddNote':
    case 'AddRecipient':
    case 'AddResponder':
    case 'Escalate':
    case 'Delete':
    case 'UpdatePriority':
    case 'UpdateMessage':
    case 'UpdateDescription':
    case 'custom':
      return alert // their state (priority, message, ...) came with the common fields in `merge`
    default:
      return assertNever(action, 'action')
  }
}

/** AddTags/RemoveTags carry the tags after the change; old payloads may carry only the delta. */
function tagsAfter(
  action: 'AddTags' | 'RemoveTags',
  tags: readonly string[],
  a: Readonly<Record<string, unknown>>,
): string[] {
  if (Array.isArray(a['tags'])) return stringsOf(a['tags'])
  const delta = (stringOf(a[action === 'AddTags' ? 'addedTags' : 'removedTags']) ?? '')
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean)
  return action === 'AddTags'
    ? [...new Set([...tags, ...delta])]
    : tags.filter((t) => !delta.includes(t))
}

/** A first sight of an alert (usually Create; any action when we joined late). */
function fromWebhook(event: WebhookEvent): Alert | undefined {
  const message = stringOf(event.alert['message'])
  if (message === undefined || event.versionNs === undefined) return undefined
  const updatedAt = nsToIso(event.versionNs)
  const created = nsText(event.alert['createdAt'])
  return merge(
    {
      id: event.alertId,
      tinyId: '',
      alias: event.alertId,
      message,
      status: 'open',
      acknowledged: false,
      snoozed: false,
      priority: 'P3',
      tags: [],
      teams: [],
      responders: [],
      count: 1,
      // Nothing is created after its last update: a later createdAt is forged or broken.
      createdAt:
        created === undefined || BigInt(created) > BigInt(event.versionNs)
          ? updatedAt
          : nsToIso(created),
      updatedAt,
    },
    event,
  )
}

/** The fields most webhooks repeat (message, tags, priority, ...), taken from a newer event. */
function merge(alert: Alert, event: WebhookEvent): Alert {
  const a = event.alert
  const priority = parsePriority(a['priority'])
  const details = detailsOf(a['details'])
  const next: Alert = {
    ...alert,
    updatedAt: event.versionNs === undefined ? alert.updatedAt : nsToIso(event.versionNs),
    teams: Array.isArray(a['teams'])
      ? [...new Set([...alert.teams, ...stringsOf(a['teams'])])]
      : alert.teams,
    responders: unionResponders(alert.responders, respondersOf(a['responders'])),
  }
  for (const field of ['message', 'tinyId', 'alias', 'entity', 'source', 'description'] as const) {
    const value = typeof a[field] === 'number' ? String(a[field]) : stringOf(a[field])
    if (value !== undefined) next[field] = value
  }
  if (Array.isArray(a['tags'])) next.tags = stringsOf(a['tags'])
  if (priority !== undefined) next.priority = priority
  if (details !== undefined) next.details = details
  return next
}

/**
 * The timeline entry a webhook writes, known before reading anything: its delivery key, except
 * Create, which has one entry per alert (the repeat sent when the alert is routed to another team
 * is not news). Ingest reads these ids to tell repeat deliveries (see `ActivityRow.seenKeys`).
 */
export function activityIdOf(event: WebhookEvent): string {
  return actionOf(event.action) === 'Create' ? `${event.alertId}|Create` : event.key
}

/** Whether the entry already stands for this delivery (its id, or a Create key listed on it). */
export function coversKey(entry: ActivityRow | undefined, key: string): boolean {
  return entry !== undefined && (entry.id === key || (entry.seenKeys?.includes(key) ?? false))
}

function activityOf(event: WebhookEvent, action: KnownAction | 'custom'): ActivityRow {
  const escalation = action === 'Escalate' ? escalationText(event.body) : undefined
  const text = textOf(action, event.alert) ?? escalation?.text
  return {
    id: activityIdOf(event),
    subject: { kind: 'alert', id: event.alertId },
    subjectKind: 'alert',
    subjectId: event.alertId,
    kind: activityKindOf(action),
    action: event.action,
    at: event.atNs,
    ...(event.actor !== undefined
      ? { actor: event.actor }
      : escalation?.by !== undefined
        ? { actor: escalation.by }
        : {}),
    ...(text !== undefined ? { text } : {}),
  }
}

function textOf(
  action: KnownAction | 'custom',
  a: Readonly<Record<string, unknown>>,
): string | undefined {
  const fieldOf: Partial<Record<KnownAction | 'custom', string>> = {
    Create: 'message',
    AddNote: 'note',
    Close: 'note',
    AssignOwnership: 'owner',
    AddTeam: 'team',
    AddRecipient: 'recipient',
    AddTags: 'addedTags',
    RemoveTags: 'removedTags',
    UpdateMessage: 'message',
    UpdateDescription: 'description',
  }
  if (action === 'UpdatePriority') {
    const to = parsePriority(a['priority'])
    const from = parsePriority(a['oldPriority'])
    return to === undefined ? undefined : `${from ?? '?'} → ${to}`
  }
  const field = fieldOf[action]
  return field === undefined ? undefined : stringOf(a[field])
}

function escalationText(body: Readonly<Record<string, unknown>>): { by?: string; text?: string } {
  const by = stringOf(body['escalationName'])
  const notify = body['escalationNotify']
  const who =
    typeof notify === 'object' && notify !== null
      ? stringOf((notify as Record<string, unknown>)['name'])
      : undefined
  return {
    ...(by !== undefined ? { by } : {}),
    ...(who !== undefined ? { text: `notified ${who}` } : {}),
  }
}

function stringsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []
}

function detailsOf(value: unknown): Record<string, string> | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined
  return Object.fromEntries(
    Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string'),
  )
}

const RESPONDER_TYPES = ['team', 'user', 'escalation', 'schedule'] as const

function respondersOf(value: unknown): ResponderRef[] {
  if (!Array.isArray(value)) return []
  return value.flatMap((r: unknown) => {
    if (typeof r !== 'object' || r === null) return []
    const o = r as Record<string, unknown>
    const type = RESPONDER_TYPES.find((t) => t === o['type'])
    const id = stringOf(o['id'])
    const name = stringOf(o['name'])
    if (type === undefined || (id === undefined && name === undefined)) return []
    return [{ type, ...(id !== undefined ? { id } : {}), ...(name !== undefined ? { name } : {}) }]
  })
}

function unionResponders(
  have: readonly ResponderRef[],
  add: readonly ResponderRef[],
): ResponderRef[] {
  const same = (x: ResponderRef, y: ResponderRef): boolean =>
    x.type === y.type &&
    ((x.id !== undefined && x.id === y.id) || (x.name !== undefined && x.name === y.name))
  return [...have, ...add.filter((r) => !have.some((h) => same(h, r)))]
}

function isIso(text: string): boolean {
  return Number.isFinite(Date.parse(text))
}
