import type { Activity } from '../../../shared/domain'
import { noteMarker } from '../outbox/commands'
import type { OutboxCommand } from '../outbox/record'

/** The timeline entry each alert command leaves upstream. */
const ENTRY_OF: Readonly<Partial<Record<OutboxCommand['kind'], Activity['kind']>>> = {
  'alerts:acknowledge': 'acknowledged',
  'alerts:unacknowledge': 'unacknowledged',
  'alerts:close': 'closed',
  'alerts:addNote': 'note',
  'alerts:assign': 'assigned',
  'alerts:addResponder': 'responder-added',
  'alerts:escalate': 'escalated',
  'alerts:snooze': 'snoozed',
  'alerts:setPriority': 'priority-changed',
  'alerts:create': 'created',
}

/** An entry lands after its command was queued and soon after it was answered. */
const EARLY_MS = 5_000
const LATE_MS = 120_000

function nanosToMs(ns: string): number {
  return ns.length > 6 ? Number(ns.slice(0, -6)) : 0
}

/** This outbox's command behind a timeline entry: its note marker, or its kind and time. */
function madeHere(entry: Activity, commands: readonly OutboxCommand[]): boolean {
  const at = nanosToMs(entry.at)
  return commands.some((c) => {
    if (c.state !== 'confirmed' && c.state !== 'sent') return false
    if (ENTRY_OF[c.kind] !== entry.kind) return false
    if (entry.kind === 'note') return entry.text?.includes(noteMarker(c.id)) === true
    return at >= c.createdAt - EARLY_MS && at <= c.updatedAt + LATE_MS
  })
}

/**
 * Who a timeline entry names. An action this app sent with the workspace's API key comes back
 * from Opsgenie as done by the integration ("API", "Platform_API"): the responder did it, so it
 * reads "You" (as does the responder's own username). Everyone else keeps their name: an entry
 * by a person the directory knows (`usernames`) is theirs, whatever the timing.
 * `commands` are the workspace outbox's commands on this alert.
 */
export function timelineActor(
  entry: Activity,
  commands: readonly OutboxCommand[],
  me: string | undefined,
  usernames: ReadonlySet<string> = new Set(),
): string {
  if (me !== undefined && entry.actor === me) return 'You'
  const byPerson = entry.actor !== undefined && usernames.has(entry.actor)
  if (!byPerson && madeHere(entry, commands)) return 'You'
  return entry.actor ?? 'Opsgenie'
}
