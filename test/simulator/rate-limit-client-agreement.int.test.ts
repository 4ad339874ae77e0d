import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  checkKey,
  createOpsgenieClient,
  type OpsgenieClient,
  type ResponseMeta,
} from '../../src/main/gateway/provider/opsgenie/index'
import type { RunningSimulator } from '../../src/simulator/index'
import { simulatedRateDomainOf } from '../../src/simulator/rate-domains'
import { GLOBAL_KEY, startTestSim } from './helpers'

/**
 * The client budgets each request by its own rate-domain classification
 * (src/shared/opsgenie/rate-domains.ts); the simulator charges it by its own statement of
 * Opsgenie's documentation (src/simulator/rate-domains.ts). They are written separately so that a
 * wrong classification shows up here as a disagreement instead of being identical on both sides.
 * Every method of the client is driven against a real simulator and every request it sent is
 * compared.
 */
type Operation = (c: OpsgenieClient) => Promise<unknown>

const ALERT = { alias: 'agreement-alert' }
const INCIDENT = 'agreement-incident'
const later = (): string => new Date(Date.now() + 60_000).toISOString()

const alerts: Record<keyof OpsgenieClient['alerts'], Operation> = {
  create: (c) => c.alerts.create({ message: 'agreement', alias: ALERT.alias }),
  get: (c) => c.alerts.get(ALERT),
  list: (c) => c.alerts.list({ limit: 1 }),
  pages: async (c) => (await c.alerts.pages({ limit: 1 }).next()).value,
  listAll: (c) => c.alerts.listAll({ limit: 1 }),
  count: (c) => c.alerts.count('status:open'),
  acknowledge: (c) => c.alerts.acknowledge(ALERT),
  unacknowledge: (c) => c.alerts.unacknowledge(ALERT),
  close: (c) => c.alerts.close(ALERT),
  addNote: (c) => c.alerts.addNote(ALERT, { note: 'n' }),
  listNotes: (c) => c.alerts.listNotes(ALERT),
  assign: (c) => c.alerts.assign(ALERT, { owner: { username: 'alice@example.com' } }),
  addResponder: (c) => c.alerts.addResponder(ALERT, { responder: { type: 'team', name: 't' } }),
  escalate: (c) => c.alerts.escalate(ALERT, { escalation: { name: 'e' } }),
  snooze: (c) => c.alerts.snooze(ALERT, { endTime: later() }),
  updatePriority: (c) => c.alerts.updatePriority(ALERT, { priority: 'P2' }),
  logs: (c) => c.alerts.logs(ALERT),
  requestStatus: (c) => c.alerts.requestStatus('no-such-request'),
  waitForRequest: async (c) =>
    c.alerts.waitForRequest((await c.alerts.create({ message: 'waited' })).requestId),
}

const incidents: Record<keyof OpsgenieClient['incidents'], Operation> = {
  create: (c) => c.incidents.create({ message: 'agreement' }),
  get: (c) => c.incidents.get(INCIDENT),
  list: (c) => c.incidents.list({ query: 'status:open', limit: 1 }),
  close: (c) => c.incidents.close(INCIDENT),
  resolve: (c) => c.incidents.resolve(INCIDENT),
  reopen: (c) => c.incidents.reopen(INCIDENT),
  addNote: (c) => c.incidents.addNote(INCIDENT, { note: 'n' }),
  addResponders: (c) =>
    c.incidents.addResponders(INCIDENT, { responders: [{ type: 'team', name: 't' }] }),
  updatePriority: (c) => c.incidents.updatePriority(INCIDENT, { priority: 'P2' }),
  updateDescription: (c) => c.incidents.updateDescription(INCIDENT, { description: 'd' }),
  listNotes: (c) => c.incidents.listNotes(INCIDENT),
  requestStatus: (c) => c.incidents.requestStatus('no-such-request'),
  waitForRequest: async (c) =>
    c.incidents.waitForRequest((await c.incidents.create({ message: 'waited' })).requestId),
}

const config: Record<keyof OpsgenieClient['config'], Operation> = {
  listServices: (c) => c.config.listServices(),
  listTeams: (c) => c.config.listTeams(),
  getTeam: (c) => c.config.getTeam('no-such-team', 'name'),
  listUsers: (c) => c.config.listUsers(),
  listAllUsers: (c) => c.config.listAllUsers(),
  listSchedules: (c) => c.config.listSchedules(),
  onCalls: (c) => c.config.onCalls('no-such-schedule'),
  listEscalations: (c) => c.config.listEscalations(),
  getAccount: (c) => c.config.getAccount(),
  getRequestLimits: (c) => c.config.getRequestLimits(),
}

/** The requests the client sends outside its three APIs: the key check's raw probe. */
const probes: Record<string, Operation> = {
  checkKey: (c) => checkKey(c, { probeWrites: true }),
}

const operations: [string, Operation][] = [
  ...Object.entries(alerts).map(([name, op]): [string, Operation] => [`alerts.${name}`, op]),
  ...Object.entries(incidents).map(([name, op]): [string, Operation] => [`incidents.${name}`, op]),
  ...Object.entries(config).map(([name, op]): [string, Operation] => [`config.${name}`, op]),
  ...Object.entries(probes),
]

let sim: RunningSimulator
let client: OpsgenieClient
const sent: ResponseMeta[] = []

beforeAll(async () => {
  sim = await startTestSim({ seed: 'demo' })
  client = createOpsgenieClient({
    host: sim.url,
    apiKey: GLOBAL_KEY,
    onResponse: (meta) => sent.push(meta),
  })
})
afterAll(async () => {
  await sim.close()
})

describe('client and simulator rate domains', () => {
  it('drive every method of the client (a new method must be added here)', () => {
    expect(Object.keys(alerts).sort()).toEqual(Object.keys(client.alerts).sort())
    expect(Object.keys(incidents).sort()).toEqual(Object.keys(client.incidents).sort())
    expect(Object.keys(config).sort()).toEqual(Object.keys(client.config).sort())
  })

  it.each(operations)(
    '%s: the client budgets each request in the domain Opsgenie charges',
    async (_name, op) => {
      const before = sent.length
      // Not-found answers and refusals are answers too: only the request's classification matters.
      await op(client).catch(() => undefined)
      const mine = sent.slice(before)
      expect(mine.length).toBeGreaterThan(0)
      const disagreements = mine
        .map((m) => ({
          request: `${m.method} ${m.path}`,
          client: m.domain,
          simulator: simulatedRateDomainOf(m.method, m.path),
        }))
        .filter((d) => d.client !== d.simulator)
      expect(disagreements).toEqual([])
    },
  )
})
