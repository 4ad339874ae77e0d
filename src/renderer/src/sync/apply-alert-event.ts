import type { Alert, AlertEvent, ResponderRef, TagChange } from '../../../shared/domain'
import { assertNever } from '../../../shared/assert-never'
import { nsToIso, padNs, toAlertRow } from '../db/derive'
import type { ActivityRow, AlertRow } from '../db/rows'
import { isAtLeastAsNew } from './trust'

/** What one alert event does to the cache: the row to write (or delete) and one timeline entry. */
export interface AlertEventEffect {
  readonly row: AlertRow | 'delete' | undefined
  readonly activity: ActivityRow
}

/**
 * Applies one alert event (main has read it from the provider) to the alert as cached. State
 * changes only when the event is at least as new as the row (`versionNs`), unless the row's
 * version is past `boundNs` (a far-future stamp stored before clamping existed, which must not pin
 * the row); an older event still gets its timeline entry. A deleted alert is never brought back
 * by a late event. A deletion answers `'delete'`: the caller decides what it does (ingest asks the
 * API before hiding anything).
 */
export function applyAlertEvent(
  current: AlertRow | undefined,
  deleted: boolean,
  event: AlertEvent,
  boundNs: string,
): AlertEventEffect {
  const activity = activityOf(event)
  if (event.effect.kind === 'deleted') return { row: 'delete', activity }
  const versionNs = event.versionNs === undefined ? undefined : padNs(event.versionNs)
  const newer =
    versionNs !== undefined &&
    (current === undefined || isAtLeastAsNew(versionNs, current.versionNs, boundNs))
  if (deleted || !newer || versionNs === undefined) return { row: undefined, activity }
  const base =
    current === undefined ? firstSight(event, versionNs) : merge(current, event, versionNs)
  if (base === undefined) return { row: undefined, activity }
  return { row: toAlertRow(withEffect(base, event), versionNs), activity }
}

function withEffect(alert: Alert, event: AlertEvent): Alert {
  const effect = event.effect
  switch (effect.kind) {
    case 'acknowledged':
      return { ...alert, acknowledged: true }
    case 'unacknowledged':
      return { ...alert, acknowledged: false }
    case 'owner':
      return { ...alert, owner: effect.username }
    case 'closed':
      return { ...alert, status: 'closed' }
    case 'snoozed':
      return {
        ...alert,
        snoozed: true,
        ...(effect.until !== undefined ? { snoozedUntil: effect.until } : {}),
      }
    case 'deleted': // handled before any state is touched
    case 'none':
      return alert
    default:
      return assertNever(effect, 'alert effect')
  }
}

/** A first sight of an alert (usually its creation; any event when we joined late). */
function firstSight(event: AlertEvent, versionNs: string): Alert | undefined {
  const message = event.fields.message
  if (message === undefined) return undefined
  const updatedAt = nsToIso(versionNs)
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
      createdAt: event.createdAt ?? updatedAt,
      updatedAt,
    },
    event,
    versionNs,
  )
}

/** The state an event states (fields, teams, responders, tags), over the cached alert. */
function merge(alert: Alert, event: AlertEvent, versionNs: string): Alert {
  return {
    ...alert,
    ...event.fields,
    updatedAt: nsToIso(versionNs),
    teams: [...new Set([...alert.teams, ...event.addTeams])],
    responders: unionResponders(alert.responders, event.addResponders),
    tags: event.tags === undefined ? alert.tags : tagsAfter(alert.tags, event.tags),
  }
}

function tagsAfter(tags: readonly string[], change: TagChange): string[] {
  switch (change.kind) {
    case 'set':
      return [...change.tags]
    case 'add':
      return [...new Set([...tags, ...change.tags])]
    case 'remove':
      return tags.filter((t) => !change.tags.includes(t))
    default:
      return assertNever(change.kind, 'tag change')
  }
}

/**
 * The timeline entry an event writes, known before reading anything: its delivery key, except an
 * alert's creation, which has one entry per alert (the repeat sent when the alert is routed to
 * another team is not news). Ingest reads these ids to tell repeat deliveries (see
 * `ActivityRow.seenKeys`).
 */
export function activityIdOf(event: AlertEvent): string {
  return event.activity === 'created' ? `${event.alertId}|${event.action}` : event.key
}

/** Whether the entry already stands for this delivery (its id, or a creation key listed on it). */
export function coversKey(entry: ActivityRow | undefined, key: string): boolean {
  return entry !== undefined && (entry.id === key || (entry.seenKeys?.includes(key) ?? false))
}

function activityOf(event: AlertEvent): ActivityRow {
  return {
    id: activityIdOf(event),
    subject: { kind: 'alert', id: event.alertId },
    subjectKind: 'alert',
    subjectId: event.alertId,
    kind: event.activity,
    action: event.action,
    at: event.atNs,
    ...(event.actor !== undefined ? { actor: event.actor } : {}),
    ...(event.text !== undefined ? { text: event.text } : {}),
  }
}

/** Adds responders not already there (same type and id, or same type and name), one by one. */
function unionResponders(
  have: readonly ResponderRef[],
  add: readonly ResponderRef[],
): ResponderRef[] {
  const same = (x: ResponderRef, y: ResponderRef): boolean =>
    x.type === y.type &&
    ((x.id !== undefined && x.id === y.id) || (x.name !== undefined && x.name === y.name))
  const out = [...have]
  for (const r of add) if (!out.some((h) => same(h, r))) out.push(r)
  return out
}
