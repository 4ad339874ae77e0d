import { uuid } from '../shared/uuid'
import { alertId } from './ids'
import type { AlertRecord, Priority, SimulatorState } from './store'

const TEMPLATES: { message: string; team: string; tags: string[] }[] = [
  { message: 'Checkout p95 latency above 2s', team: 'Payments', tags: ['latency', 'checkout'] },
  { message: 'Card authorisation error rate 4%', team: 'Payments', tags: ['errors'] },
  { message: 'Disk 91% full on db-primary-1', team: 'Platform', tags: ['disk', 'db'] },
  { message: 'Kubernetes node not ready: node-7', team: 'Platform', tags: ['k8s'] },
  { message: 'Edge proxy 5xx burst', team: 'Platform', tags: ['edge', 'errors'] },
  { message: 'Push delivery backlog > 10k', team: 'Mobile', tags: ['push'] },
  { message: 'iOS crash-free sessions below 99%', team: 'Mobile', tags: ['crash'] },
  { message: 'Nightly ETL job late', team: 'Data', tags: ['etl'] },
  { message: 'Warehouse query queue saturated', team: 'Data', tags: ['warehouse'] },
  { message: 'Suspicious login burst from one ASN', team: 'Security', tags: ['auth', 'security'] },
  { message: 'TLS certificate expires in 7 days', team: 'Security', tags: ['tls'] },
  { message: 'Heartbeat missed: billing-jobs', team: 'Data', tags: ['heartbeat'] },
]
const PRIORITIES: Priority[] = ['P1', 'P2', 'P3', 'P4', 'P5']

/** Alerts in every state and priority, two incidents (open and resolved). */
export function seedDemoAlerts(state: SimulatorState, now: number, random: () => number): void {
  for (let n = 0; n < 24; n += 1) {
    const t = TEMPLATES[n % TEMPLATES.length]
    if (!t) continue
    const at = now - (n + 1) * 37 * 60_000
    const mode = n % 4 // open, acknowledged, closed, open
    const alert = demoAlert(state, random, at, {
      message: t.message,
      alias: `demo-${n + 1}`,
      priority: PRIORITIES[n % PRIORITIES.length] ?? 'P3',
      teamName: t.team,
      tags: t.tags,
      status: mode === 2 ? 'closed' : 'open',
      acknowledged: mode === 1,
    })
    if (mode === 2) alert.report = { ...alert.report, closeTime: 600_000, closedBy: 'demo-monitor' }
    state.alerts.set(alert.id, alert)
  }
  const payments = state.teams.find((t) => t.name === 'Payments')
  const checkout = state.services.find((s) => s.name === 'Checkout API')
  const incident = (
    message: string,
    status: 'open' | 'resolved',
    at: number,
    priority: Priority,
  ): void => {
    state.counters.incidentTinyId += 1
    const id = uuid(random)
    state.incidents.set(id, {
      id,
      tinyId: String(state.counters.incidentTinyId),
      message,
      description: `${message} (demo incident)`,
      status,
      tags: ['demo'],
      createdAt: at,
      updatedAt: at,
      priority,
      responders: payments ? [{ type: 'team', id: payments.id, name: payments.name }] : [],
      ownerTeam: payments?.id ?? '',
      extraProperties: {},
      impactedServices: checkout ? [checkout.id] : [],
      associatedAlertIds: [],
      notes: [],
      logs: [],
    })
  }
  incident('Checkout degraded in EU', 'open', now - 45 * 60_000, 'P1')
  incident('Card payments failing for one issuer', 'resolved', now - 26 * 3_600_000, 'P2')
}

export { TEMPLATES as DEMO_ALERT_TEMPLATES }

/** Builds a ready-made alert record (seeded and trickled alerts skip the async path's checks). */
export function demoAlert(
  state: SimulatorState,
  random: () => number,
  at: number,
  fields: {
    message: string
    alias: string
    priority: Priority
    teamName: string
    tags: string[]
    status: 'open' | 'closed'
    acknowledged: boolean
  },
): AlertRecord {
  const team = state.teams.find((t) => t.name === fields.teamName)
  state.counters.alertTinyId += 1
  const id = alertId(at, random)
  const owner = fields.acknowledged
    ? (state.users.find((u) => u.id === team?.memberIds[0])?.username ?? '')
    : ''
  return {
    id,
    tinyId: String(state.counters.alertTinyId),
    alias: fields.alias,
    message: fields.message,
    description: `${fields.message} (demo alert)`,
    status: fields.status,
    acknowledged: fields.acknowledged,
    isSeen: fields.acknowledged,
    tags: fields.tags,
    count: 1,
    lastOccurredAt: at,
    createdAt: at,
    updatedAt: at,
    source: 'demo-monitor',
    owner,
    priority: fields.priority,
    responders: team ? [{ type: 'team', id: team.id, name: team.name }] : [],
    actions: ['Restart', 'Runbook'],
    entity: fields.teamName.toLowerCase(),
    details: { region: 'eu-west-1' },
    integration: { id: 'demo-integration', name: 'Demo Monitoring', type: 'API' },
    report: fields.acknowledged ? { ackTime: 120_000, acknowledgedBy: owner } : {},
    notes: [],
    logs: [],
  }
}
