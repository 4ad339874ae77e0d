import { z } from 'zod'
import { Alert, Incident, parsePriority } from '../../../shared/domain'
import { IngestProblem } from './webhook-event'

/**
 * The JSON of `poll` and `reconcile` events (main's `gateway/intake/payloads.ts`): Opsgenie list
 * records, parsed leniently here at the IPC boundary and mapped to the domain model with the same
 * defaults as main's `to-domain.ts`.
 */
const EPOCH = '1970-01-01T00:00:00.000Z'
const ref = z.object({
  type: z.string(),
  id: z.string().optional(),
  name: z.string().optional(),
  username: z.string().optional(),
})
const baseAlert = z.looseObject({
  id: z.string().min(1),
  tinyId: z.union([z.string(), z.number()]).transform(String).optional(),
  alias: z.string().optional(),
  message: z.string(),
  status: z.string(),
  acknowledged: z.boolean().optional(),
  snoozed: z.boolean().optional(),
  snoozedUntil: z.string().optional(),
  tags: z.array(z.string()).optional(),
  count: z.number().optional(),
  lastOccurredAt: z.string().optional(),
  createdAt: z.string().optional(),
  updatedAt: z.string().optional(),
  source: z.string().optional(),
  owner: z.string().optional(),
  priority: z.string().optional(),
  teams: z.array(z.unknown()).optional(),
  responders: z.array(ref).optional(),
})
const incidentRecord = z.looseObject({
  id: z.string().min(1),
  tinyId: z.union([z.string(), z.number()]).transform(String).optional(),
  message: z.string(),
  description: z.string().optional(),
  status: z.string(),
  tags: z.array(z.string()).optional(),
  priority: z.string().optional(),
  ownerTeam: z.string().optional(),
  responders: z.array(ref).optional(),
  impactedServices: z.array(z.string()).optional(),
  createdAt: z.string().optional(),
  updatedAt: z.string().optional(),
})

const payload = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('alert'), alert: baseAlert }),
  z.object({ kind: z.literal('incident'), incident: incidentRecord }),
  z.object({
    kind: z.literal('open-alerts'),
    reconcileId: z.string(),
    startedAt: z.number(),
    alertIds: z.array(z.string()),
  }),
])

export type IntakePayload =
  | { readonly kind: 'alert'; readonly alert: Alert }
  | { readonly kind: 'incident'; readonly incident: Incident }
  | {
      readonly kind: 'open-alerts'
      readonly reconcileId: string
      readonly startedAt: number
      readonly alertIds: readonly string[]
    }

export function readIntakePayload(text: string): IntakePayload {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    throw new IngestProblem(`intake payload is not JSON: ${(error as Error).message}`)
  }
  const parsed = payload.safeParse(json)
  if (!parsed.success) {
    throw new IngestProblem(
      `unknown intake payload: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`,
    )
  }
  const p = parsed.data
  try {
    if (p.kind === 'alert') return { kind: 'alert', alert: toAlert(p.alert) }
    if (p.kind === 'incident') return { kind: 'incident', incident: toIncident(p.incident) }
    return p
  } catch (error) {
    throw new IngestProblem(
      `intake ${p.kind} does not fit the domain model: ${(error as Error).message}`,
    )
  }
}

type Ref = z.infer<typeof ref>
function responders(refs: readonly Ref[] | undefined): unknown[] {
  const known = ['team', 'user', 'escalation', 'schedule']
  return (refs ?? []).flatMap((r) => {
    const name = r.name ?? r.username
    if (!known.includes(r.type) || (r.id === undefined && name === undefined)) return []
    return [
      {
        type: r.type,
        ...(r.id !== undefined ? { id: r.id } : {}),
        ...(name !== undefined ? { name } : {}),
      },
    ]
  })
}

function toAlert(r: z.infer<typeof baseAlert>): Alert {
  const teams = (r.teams ?? []).flatMap((t) =>
    typeof t === 'string'
      ? [t]
      : typeof t === 'object' && t !== null && 'id' in t && typeof t.id === 'string'
        ? [t.id]
        : [],
  )
  return Alert.parse({
    id: r.id,
    tinyId: r.tinyId ?? '',
    alias: r.alias ?? r.id,
    message: r.message,
    status: r.status === 'closed' ? 'closed' : 'open',
    acknowledged: r.acknowledged ?? false,
    snoozed: r.snoozed ?? false,
    snoozedUntil: r.snoozed === true ? r.snoozedUntil : undefined,
    priority: parsePriority(r.priority) ?? 'P3',
    owner: r.owner === '' ? undefined : r.owner,
    tags: r.tags ?? [],
    teams,
    responders: responders(r.responders),
    count: r.count ?? 1,
    source: r.source,
    entity: typeof r['entity'] === 'string' ? r['entity'] : undefined,
    createdAt: r.createdAt ?? EPOCH,
    updatedAt: r.updatedAt ?? r.createdAt ?? EPOCH,
    lastOccurredAt: r.lastOccurredAt,
  })
}

function toIncident(r: z.infer<typeof incidentRecord>): Incident {
  return Incident.parse({
    id: r.id,
    tinyId: r.tinyId ?? '',
    message: r.message,
    description: r.description,
    status: r.status === 'resolved' || r.status === 'closed' ? r.status : 'open',
    priority: parsePriority(r.priority) ?? 'P3',
    tags: r.tags ?? [],
    responders: responders(r.responders),
    impactedServices: r.impactedServices ?? [],
    ownerTeam: r.ownerTeam === '' ? undefined : r.ownerTeam,
    createdAt: r.createdAt ?? EPOCH,
    updatedAt: r.updatedAt ?? r.createdAt ?? EPOCH,
  })
}
