/**
 * The simulator's in-memory account. Records keep epoch-millisecond numbers; the HTTP layer
 * renders them in Opsgenie's shapes, so tests can read and assert on plain values.
 */
export type Priority = 'P1' | 'P2' | 'P3' | 'P4' | 'P5'
export type ResponderType = 'user' | 'team' | 'escalation' | 'schedule'

export interface ResponderRecord {
  type: ResponderType
  id: string
  name: string
}
export interface NoteRecord {
  note: string
  owner: string
  createdAt: number
  offset: string
}
export interface LogRecord {
  log: string
  type: string
  owner: string
  createdAt: number
  offset: string
}

export interface AlertRecord {
  id: string
  tinyId: string
  alias: string
  message: string
  description: string
  status: 'open' | 'closed'
  acknowledged: boolean
  isSeen: boolean
  tags: string[]
  snoozedUntil?: number
  count: number
  lastOccurredAt: number
  createdAt: number
  updatedAt: number
  source: string
  owner: string
  priority: Priority
  responders: ResponderRecord[]
  actions: string[]
  entity: string
  details: Record<string, string>
  integration: { id: string; name: string; type: string }
  report: { ackTime?: number; closeTime?: number; acknowledgedBy?: string; closedBy?: string }
  notes: NoteRecord[]
  logs: LogRecord[]
}

export interface IncidentRecord {
  id: string
  tinyId: string
  message: string
  description: string
  status: 'open' | 'resolved' | 'closed'
  tags: string[]
  createdAt: number
  updatedAt: number
  priority: Priority
  responders: ResponderRecord[]
  ownerTeam: string
  extraProperties: Record<string, string>
  impactedServices: string[]
  associatedAlertIds: string[]
  notes: NoteRecord[]
  logs: LogRecord[]
}

export interface TeamRecord {
  id: string
  name: string
  description: string
  memberIds: string[]
}
export interface UserRecord {
  id: string
  username: string
  fullName: string
  role: 'Owner' | 'Admin' | 'User'
  timeZone: string
  createdAt: number
}
export interface RotationRecord {
  id: string
  name: string
  startDate: number
  endDate?: number
  type: 'daily' | 'weekly' | 'hourly'
  length: number
  participantIds: string[]
}
export interface ScheduleRecord {
  id: string
  name: string
  description: string
  timezone: string
  enabled: boolean
  ownerTeamId: string
  rotations: RotationRecord[]
}
export interface EscalationRuleRecord {
  condition: 'if-not-acked' | 'if-not-closed'
  delayMinutes: number
  recipient: { type: 'user' | 'team' | 'schedule'; id: string }
}
export interface EscalationRecord {
  id: string
  name: string
  description: string
  ownerTeamId: string
  rules: EscalationRuleRecord[]
}
export interface ServiceRecord {
  id: string
  name: string
  description: string
  teamId: string
  tags: string[]
}

/** An async write (202) and, once processed, its outcome for the request-status endpoint. */
export interface RequestRecord {
  id: string
  domain: 'alert' | 'incident'
  action: string
  integrationId: string
  receivedAt: number
  processed?: { at: number; isSuccess: boolean; status: string; entityId: string; alias: string }
}

export interface SimulatorState {
  alerts: Map<string, AlertRecord>
  incidents: Map<string, IncidentRecord>
  teams: TeamRecord[]
  users: UserRecord[]
  schedules: ScheduleRecord[]
  escalations: EscalationRecord[]
  services: ServiceRecord[]
  requests: Map<string, RequestRecord>
  counters: { alertTinyId: number; incidentTinyId: number; logSeq: number }
}

export function emptyState(): SimulatorState {
  return {
    alerts: new Map(),
    incidents: new Map(),
    teams: [],
    users: [],
    schedules: [],
    escalations: [],
    services: [],
    requests: new Map(),
    counters: { alertTinyId: 0, incidentTinyId: 0, logSeq: 0 },
  }
}

/** Log and note offsets are opaque increasing strings, like Opsgenie's cursors. */
export function nextOffset(state: SimulatorState, at: number): string {
  state.counters.logSeq += 1
  return `${at}_${String(state.counters.logSeq).padStart(8, '0')}`
}

export function findAlert(
  state: SimulatorState,
  identifier: string,
  type: string,
): AlertRecord | undefined {
  if (type === 'id') return state.alerts.get(identifier)
  for (const alert of state.alerts.values()) {
    if (type === 'tiny' && alert.tinyId === identifier) return alert
    // An alias names the open alert first; a closed one only when no open alert has it.
    if (type === 'alias' && alert.alias === identifier && alert.status === 'open') return alert
  }
  if (type === 'alias') {
    const closed = [...state.alerts.values()].filter((a) => a.alias === identifier)
    return closed.sort((a, b) => b.createdAt - a.createdAt)[0]
  }
  return undefined
}
