import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  checkKey,
  createOpsgenieClient,
  isOpsgenieError,
  type OpsgenieClient,
} from '../../src/main/gateway/provider/opsgenie/index'
import { Accepted } from '../../src/main/gateway/provider/opsgenie/schemas/common'
import { startSimulator, type Exchange, type RunningSimulator } from '../../src/simulator/index'
import {
  formatViolations,
  loadSpecValidator,
  SPEC_DEVIATIONS,
  type SpecViolation,
} from '../support/openapi/index'
import {
  ACCOUNT_KEY,
  EXPECTED,
  failureOf,
  GLOBAL_KEY,
  SPEC_OPERATIONS,
  TEAM_KEY,
  WAIT,
} from './conformance-fixtures'
import { isExpected, offeredMethods, recordCalls, validateExchange } from './conformance-harness'

describe('every request the client sends and every answer the simulator gives conform to the spec', () => {
  const exchanges: Exchange[] = []
  const called = new Set<string>()
  let simulator: RunningSimulator
  let client: OpsgenieClient
  let api: Pick<OpsgenieClient, 'alerts' | 'incidents' | 'config'>

  beforeAll(async () => {
    simulator = await startSimulator({
      keys: [
        { key: GLOBAL_KEY, kind: 'global' },
        { key: ACCOUNT_KEY, kind: 'account' },
        { key: TEAM_KEY, kind: 'team', teamName: 'Payments' },
      ],
      seed: 'demo',
      // Long enough that the first status poll sees 404 RequestNotProcessed.
      processingDelayMs: 250,
      onExchange: (exchange) => exchanges.push(exchange),
    })
    client = createOpsgenieClient({ host: simulator.url, apiKey: GLOBAL_KEY })
    api = {
      alerts: recordCalls('alerts', client.alerts, called),
      incidents: recordCalls('incidents', client.incidents, called),
      config: recordCalls('config', client.config, called),
    }
  })

  afterAll(async () => {
    await simulator.close()
  })

  it('drives configuration reads', async () => {
    const services = await api.config.listServices()
    expect(services.items.length).toBeGreaterThan(0)
    const teams = await api.config.listTeams()
    const team = teams[0]
    expect(team).toBeDefined()
    await api.config.getTeam(team?.id ?? '')
    await api.config.getTeam('Payments', 'name')
    await api.config.listUsers({ limit: 3, sort: 'username', order: 'asc' })
    await api.config.listAllUsers()
    const schedules = await api.config.listSchedules()
    await api.config.onCalls(schedules[0]?.id ?? '')
    await api.config.onCalls('Platform_schedule', { identifierType: 'name', date: new Date() })
    await api.config.listEscalations()
    await api.config.getAccount()
    await api.config.getRequestLimits()
    // The key probe is the one client entry point outside the three API objects.
    expect((await checkKey(client)).kind).toBe('global')
    expect(
      (await checkKey(createOpsgenieClient({ host: simulator.url, apiKey: TEAM_KEY }))).kind,
    ).toBe('team')
  })

  it('drives the alert life cycle', async () => {
    const created = await api.alerts.create({
      message: 'Conformance: checkout latency',
      alias: 'conformance-checkout',
      description: 'p95 above 3 s',
      responders: [
        { type: 'team', name: 'Payments' },
        { type: 'user', username: 'alice@example.com' },
      ],
      visibleTo: [{ type: 'team', name: 'Platform' }],
      actions: ['Restart'],
      tags: ['conformance'],
      details: { region: 'eu' },
      entity: 'checkout',
      source: 'conformance',
      priority: 'P2',
      user: 'Conformance',
      note: 'opened by the conformance test',
    })
    const pending = await api.alerts.requestStatus(created.requestId)
    expect(pending.state).toBe('pending')
    const done = await api.alerts.waitForRequest(created.requestId, WAIT)
    const alertId = done.alertId ?? ''
    expect(done.isSuccess).toBe(true)
    const alert = await api.alerts.get(alertId)
    await api.alerts.get({ alias: 'conformance-checkout' })
    await api.alerts.get({ tinyId: alert.tinyId ?? '' })
    await api.alerts.list({ query: 'status:open', limit: 5, sort: 'createdAt', order: 'desc' })
    let pages = 0
    for await (const _page of api.alerts.pages({ limit: 5 })) if (++pages === 2) break
    await api.alerts.listAll({ query: 'tag:conformance' })
    expect(await api.alerts.count('status:open')).toBeGreaterThan(0)
    await api.alerts.count()
    const ref = { alias: 'conformance-checkout' }
    const writes = [
      await api.alerts.acknowledge(alertId, { user: 'Conformance', note: 'looking' }),
      await api.alerts.unacknowledge(ref),
      await api.alerts.addNote(alertId, { note: 'a note', source: 'conformance' }),
      await api.alerts.assign(alertId, { owner: { username: 'alice@example.com' } }),
      await api.alerts.addResponder(alertId, { responder: { type: 'team', name: 'Platform' } }),
      await api.alerts.escalate(alertId, { escalation: { name: 'Payments_escalation' } }),
      await api.alerts.snooze(alertId, { endTime: new Date(Date.now() + 3_600_000) }),
      await api.alerts.updatePriority(alertId, { priority: 'P1' }),
    ]
    for (const write of writes)
      expect((await api.alerts.waitForRequest(write.requestId, WAIT)).isSuccess).toBe(true)
    await api.alerts.listNotes(alertId, { limit: 10 })
    await api.alerts.logs(alertId, { limit: 10 })
    const closed = await api.alerts.close(ref, { note: 'done' })
    expect((await api.alerts.waitForRequest(closed.requestId, WAIT)).isSuccess).toBe(true)
  })

  it('drives the incident life cycle', async () => {
    const services = await client.config.listServices()
    const created = await api.incidents.create({
      message: 'Conformance: payments degraded',
      description: 'card declines up',
      responders: [
        { type: 'team', name: 'Payments' },
        { type: 'user', username: 'alice@example.com' },
      ],
      tags: ['conformance'],
      details: { region: 'eu' },
      priority: 'P2',
      impactedServices: [services.items[0]?.id ?? ''],
      note: 'opened by the conformance test',
      notifyStakeholders: false,
    })
    expect((await api.incidents.requestStatus(created.requestId)).state).toBe('pending')
    const done = await api.incidents.waitForRequest(created.requestId, WAIT)
    const incidentId = done.incidentId ?? ''
    expect(done.isSuccess).toBe(true)
    const incident = await api.incidents.get(incidentId)
    await api.incidents.get({ tinyId: incident.tinyId ?? '' })
    await api.incidents.list({ query: 'status:open', limit: 10, sort: 'createdAt', order: 'asc' })
    const writes = [
      await api.incidents.addNote(incidentId, { note: 'a note' }),
      await api.incidents.addResponders(incidentId, {
        responders: [{ type: 'team', name: 'Platform' }],
        note: 'more hands',
      }),
      await api.incidents.updatePriority(incidentId, { priority: 'P1' }),
      await api.incidents.updateDescription(incidentId, { description: 'card declines up 40%' }),
      await api.incidents.resolve(incidentId, { note: 'mitigated' }),
      await api.incidents.reopen(incidentId),
      await api.incidents.close(incidentId, { note: 'done' }),
    ]
    for (const write of writes)
      expect((await api.incidents.waitForRequest(write.requestId, WAIT)).isSuccess).toBe(true)
    expect(await api.incidents.listNotes(incidentId, { limit: 10 })).not.toEqual([])
  })

  it('gets error answers: 401, 403, 404, 422, 429', async () => {
    const badKey = createOpsgenieClient({ host: simulator.url, apiKey: 'no-such-key' })
    expect(await failureOf(() => badKey.config.getAccount())).toSatisfy((e) =>
      isOpsgenieError(e, 'bad-key'),
    )
    const accountKey = createOpsgenieClient({ host: simulator.url, apiKey: ACCOUNT_KEY })
    expect(await failureOf(() => accountKey.alerts.create({ message: 'refused' }))).toSatisfy((e) =>
      isOpsgenieError(e, 'wrong-key'),
    )
    const teamKey = createOpsgenieClient({ host: simulator.url, apiKey: TEAM_KEY })
    expect(await failureOf(() => teamKey.config.getRequestLimits())).toSatisfy((e) =>
      isOpsgenieError(e, 'wrong-key'),
    )
    expect(await failureOf(() => client.alerts.get('no-such-alert'))).toSatisfy((e) =>
      isOpsgenieError(e, 'not-found'),
    )
    expect(await failureOf(() => client.incidents.get('no-such-incident'))).toSatisfy((e) =>
      isOpsgenieError(e, 'not-found'),
    )
    // The typed client refuses invalid input itself, so the 422 goes through its raw transport.
    const invalid = { message: 'bad responder', responders: [{ type: 'squad', name: 'ops' }] }
    expect(
      await failureOf(() =>
        client.http.send({ method: 'POST', path: '/v2/alerts', body: invalid, schema: Accepted }),
      ),
    ).toSatisfy((e) => isOpsgenieError(e, 'invalid'))
    simulator.setRateLimits({ configuration: { perMinute: 1, perSecond: 1 } })
    try {
      await client.config.getAccount()
      expect(await failureOf(() => client.config.getAccount())).toSatisfy((e) =>
        isOpsgenieError(e, 'throttled'),
      )
    } finally {
      simulator.setRateLimits({ configuration: { perMinute: 100_000, perSecond: 10_000 } })
    }
    const statuses = new Set(exchanges.map((e) => e.status))
    for (const status of [401, 403, 404, 422, 429])
      expect(statuses, `no ${status} answer was seen`).toContain(status)
  })

  it('exercised every operation the client offers', () => {
    const offered = [
      ...offeredMethods('alerts', client.alerts),
      ...offeredMethods('incidents', client.incidents),
      ...offeredMethods('config', client.config),
    ]
    expect(offered.filter((name) => !called.has(name))).toEqual([])
  })

  it('reached every spec operation the issue lists', () => {
    const validator = loadSpecValidator()
    const seen = new Set(
      exchanges.map((e) => validator.matchOperation(e.method, e.path)?.operationId),
    )
    expect(SPEC_OPERATIONS.filter((id) => !seen.has(id))).toEqual([])
  })

  it('saw no violation beyond the documented deviations', () => {
    const validator = loadSpecValidator()
    const violations: SpecViolation[] = exchanges.flatMap((exchange) =>
      validateExchange(validator, exchange),
    )
    const provoked = violations.filter((v) => isExpected(v, EXPECTED))
    expect(provoked.length, 'the invalid request was not flagged').toBeGreaterThan(0)
    const unexpected = violations.filter((v) => !isExpected(v, EXPECTED))
    expect(
      unexpected,
      `${unexpected.length} violations in ${exchanges.length} exchanges:\n${formatViolations(unexpected)}`,
    ).toEqual([])
    // The same pipeline must catch a broken answer, or "no violations" proves nothing.
    const alertRead = exchanges.find(
      (e) =>
        e.status === 200 && validator.matchOperation(e.method, e.path)?.operationId === 'getAlert',
    )
    const broken = structuredClone(alertRead) as Exchange & {
      responseBody: { data: Record<string, unknown> }
    }
    delete broken.responseBody.data['id']
    expect(validateExchange(validator, broken).map((v) => v.path)).toEqual(['/body/data/id'])
    const stale = SPEC_DEVIATIONS.filter((d) => !validator.deviationsUsed().has(d.id)).map(
      (d) => d.id,
    )
    expect(stale, 'deviations no exchange needed: remove them or exercise them').toEqual([])
  })
})
