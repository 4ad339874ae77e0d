import { afterEach, describe, expect, it } from 'vitest'
import type { RunningSimulator } from '../../src/simulator/index'
import { api, data, pollUntil, processed, startTestSim } from './helpers'

let sim: RunningSimulator
afterEach(async () => {
  await sim.close()
})

describe('alert async model', () => {
  it('answers 404 RequestNotProcessed until the processing delay has passed, then the outcome', async () => {
    sim = await startTestSim({ processingDelayMs: 300 })
    const accepted = await api(sim, 'POST', '/v2/alerts', { message: 'DB down', alias: 'db-down' })
    expect(accepted.status).toBe(202)
    expect(accepted.body).toMatchObject({ result: 'Request will be processed' })
    expect(accepted.headers.get('x-request-id')).toBe(accepted.body.requestId)
    const early = await api(sim, 'GET', `/v2/alerts/requests/${String(accepted.body.requestId)}`)
    expect(early.status).toBe(404)
    expect(early.headers.get('x-opsgenie-errortype')).toBe('RequestNotProcessed')
    expect(sim.state.alerts.size).toBe(0)
    const status = await pollUntil<Record<string, unknown>>(async () => {
      const res = await api(sim, 'GET', `/v2/alerts/requests/${String(accepted.body.requestId)}`)
      return res.status === 200 ? data(res) : undefined
    })
    expect(status).toMatchObject({
      success: true,
      isSuccess: true,
      action: 'Create',
      status: 'Created alert',
      alias: 'db-down',
    })
    expect(String(status.alertId)).toMatch(/^[0-9a-f-]{36}-\d{13}$/)
    expect(Date.parse(String(status.processedAt))).not.toBeNaN()
  })

  it('reports a business failure as 200 isSuccess:false', async () => {
    sim = await startTestSim()
    const status = await processed(sim, 'POST', '/v2/alerts/nope/acknowledge', {})
    expect(status).toMatchObject({
      isSuccess: false,
      success: false,
      action: 'Acknowledge',
      status: 'Alert does not exist',
      alertId: '',
    })
  })

  it('answers a plain 404 for an unknown request id', async () => {
    sim = await startTestSim()
    const res = await api(sim, 'GET', '/v2/alerts/requests/00000000-0000-0000-0000-000000000000')
    expect(res.status).toBe(404)
    expect(res.headers.get('x-opsgenie-errortype')).toBeNull()
  })
})

describe('alert create', () => {
  it('deduplicates on the alias of an open alert and starts over once it is closed', async () => {
    sim = await startTestSim()
    const first = await processed(sim, 'POST', '/v2/alerts', {
      message: 'disk full',
      alias: 'disk',
    })
    const second = await processed(sim, 'POST', '/v2/alerts', {
      message: 'disk full again',
      alias: 'disk',
    })
    expect(second.alertId).toBe(first.alertId)
    const got = data(await api(sim, 'GET', '/v2/alerts/disk?identifierType=alias'))
    expect(got).toMatchObject({ count: 2, message: 'disk full', tinyId: '1' })
    expect(Date.parse(String(got.lastOccurredAt))).toBeGreaterThanOrEqual(
      Date.parse(String(got.createdAt)),
    )
    await processed(sim, 'POST', '/v2/alerts/disk/close?identifierType=alias', {})
    const third = await processed(sim, 'POST', '/v2/alerts', {
      message: 'disk full',
      alias: 'disk',
    })
    expect(third.alertId).not.toBe(first.alertId)
    expect(data(await api(sim, 'GET', '/v2/alerts/disk?identifierType=alias'))).toMatchObject({
      tinyId: '2',
      count: 1,
      status: 'open',
    })
  })

  it('defaults alias to the id, truncates the message to 130 and finds the alert by id, alias and tiny id', async () => {
    sim = await startTestSim()
    const status = await processed(sim, 'POST', '/v2/alerts', {
      message: 'x'.repeat(200),
      priority: 'P1',
    })
    const id = String(status.alertId)
    expect(status.alias).toBe(id)
    const byId = data(await api(sim, 'GET', `/v2/alerts/${id}`))
    expect(byId).toMatchObject({
      id,
      alias: id,
      tinyId: '1',
      priority: 'P1',
      status: 'open',
      acknowledged: false,
    })
    expect(String(byId.message)).toHaveLength(130)
    expect(data(await api(sim, 'GET', `/v2/alerts/${id}?identifierType=alias`)).id).toBe(id)
    expect(data(await api(sim, 'GET', '/v2/alerts/1?identifierType=tiny')).id).toBe(id)
    const missing = await api(sim, 'GET', '/v2/alerts/2?identifierType=tiny')
    expect(missing.status).toBe(404)
    expect(missing.body).toMatchObject({
      message: expect.stringContaining('does not exist') as unknown,
    })
    expect((await api(sim, 'GET', `/v2/alerts/${id}?identifierType=name`)).status).toBe(422)
  })

  it('answers 422 with an errors map for structural problems and 400 for bad JSON', async () => {
    sim = await startTestSim()
    const noMessage = await api(sim, 'POST', '/v2/alerts', { alias: 'x' })
    expect(noMessage.status).toBe(422)
    expect(noMessage.body).toMatchObject({
      message: 'Request body is not processable. Please check the errors.',
      errors: { message: 'Message can not be empty.' },
    })
    const badType = await api(sim, 'POST', '/v2/alerts', {
      message: 'm',
      responders: [{ type: 'bb', name: 'x' }],
    })
    expect(badType.status).toBe(422)
    expect(badType.body.errors).toEqual({ 'responders#type': "Invalid recipient type 'bb'" })
    const res = await fetch(`${sim.url}/v2/alerts`, {
      method: 'POST',
      headers: { Authorization: 'GenieKey global-key-0001' },
      body: '{"message":',
    })
    expect(res.status).toBe(400)
    expect(sim.state.requests.size).toBe(0)
  })
})

describe('alert actions', () => {
  it('applies each action once, keeps notes with their user and logs every change', async () => {
    sim = await startTestSim({ seed: 'demo' })
    const { alertId } = await processed(sim, 'POST', '/v2/alerts', {
      message: 'checkout slow',
      alias: 'co',
      responders: [{ type: 'team', name: 'Payments' }],
    })
    const path = `/v2/alerts/${String(alertId)}`
    expect(
      await processed(sim, 'POST', `${path}/acknowledge`, {
        user: 'alice@example.com',
        note: 'looking',
      }),
    ).toMatchObject({ isSuccess: true, action: 'Acknowledge' })
    await processed(sim, 'POST', `${path}/notes`, {
      user: 'bashir@example.com',
      note: 'root cause: cache',
    })
    await processed(sim, 'POST', `${path}/assign`, { owner: { username: 'chen@example.com' } })
    await processed(sim, 'POST', `${path}/responders`, {
      responder: { type: 'user', username: 'dana@example.com' },
    })
    await processed(sim, 'POST', `${path}/escalate`, {
      escalation: { name: 'Payments_escalation' },
    })
    await processed(sim, 'POST', `${path}/tags`, { tags: ['checkout', 'eu'] })
    await processed(sim, 'DELETE', `${path}/tags?tags=eu`)
    await processed(sim, 'POST', `${path}/details`, { details: { region: 'eu', host: 'h1' } })
    await processed(sim, 'DELETE', `${path}/details?keys=host`)
    await processed(sim, 'PUT', `${path}/priority`, { priority: 'P1' })
    await processed(sim, 'PUT', `${path}/message`, { message: 'checkout very slow' })
    await processed(sim, 'PUT', `${path}/description`, { description: 'p95 5s' })
    await processed(sim, 'POST', `${path}/unacknowledge`, {})
    const alert = data(await api(sim, 'GET', path))
    expect(alert).toMatchObject({
      owner: 'chen@example.com',
      tags: ['checkout'],
      details: { region: 'eu' },
      priority: 'P1',
      message: 'checkout very slow',
      description: 'p95 5s',
      acknowledged: false,
      report: { acknowledgedBy: 'alice@example.com' },
    })
    const types = (alert.responders as { type: string }[]).map((r) => r.type).sort()
    expect(types).toEqual(['escalation', 'team', 'user'])
    const notes = data<{ note: string; owner: string }[]>(
      await api(sim, 'GET', `${path}/notes?order=asc`),
    )
    expect(notes.map((n) => [n.note, n.owner])).toEqual([
      ['looking', 'alice@example.com'],
      ['root cause: cache', 'bashir@example.com'],
    ])
    const record = sim.state.alerts.get(String(alertId))
    expect(record?.notes.filter((n) => n.note === 'root cause: cache')).toHaveLength(1)
    const logs = data<{ log: string }[]>(await api(sim, 'GET', `${path}/logs?order=asc&limit=100`))
    expect(logs.length).toBeGreaterThanOrEqual(14)
    await processed(sim, 'POST', `${path}/close`, { user: 'alice@example.com' })
    expect(data(await api(sim, 'GET', path))).toMatchObject({
      status: 'closed',
      report: { closedBy: 'alice@example.com' },
    })
    expect(await processed(sim, 'DELETE', `${path}?user=alice`)).toMatchObject({ isSuccess: true })
    expect((await api(sim, 'GET', path)).status).toBe(404)
  })

  it('pages notes with a string offset cursor', async () => {
    sim = await startTestSim()
    const { alertId } = await processed(sim, 'POST', '/v2/alerts', { message: 'm' })
    for (const note of ['n1', 'n2', 'n3'])
      await processed(sim, 'POST', `/v2/alerts/${String(alertId)}/notes`, { note })
    const first = await api(sim, 'GET', `/v2/alerts/${String(alertId)}/notes?order=asc&limit=2`)
    expect(data<{ note: string }[]>(first).map((n) => n.note)).toEqual(['n1', 'n2'])
    const next = String((first.body.paging as { next: string }).next)
    expect(next.startsWith(sim.url)).toBe(true)
    const second = await fetch(next, { headers: { Authorization: 'GenieKey global-key-0001' } })
    expect(((await second.json()) as { data: { note: string }[] }).data.map((n) => n.note)).toEqual(
      ['n3'],
    )
  })

  it('refuses a snooze end time in the past and fails business checks in the request status', async () => {
    sim = await startTestSim()
    const { alertId } = await processed(sim, 'POST', '/v2/alerts', { message: 'm' })
    const past = await api(sim, 'POST', `/v2/alerts/${String(alertId)}/snooze`, {
      endTime: new Date(Date.now() - 1000).toISOString(),
    })
    expect(past.status).toBe(422)
    expect(past.body.errors).toEqual({ endTime: 'endTime must be in the future' })
    const until = new Date(Date.now() + 3_600_000).toISOString()
    await processed(sim, 'POST', `/v2/alerts/${String(alertId)}/snooze`, { endTime: until })
    expect(data(await api(sim, 'GET', `/v2/alerts/${String(alertId)}`))).toMatchObject({
      snoozed: true,
      snoozedUntil: until,
    })
    expect(
      await processed(sim, 'POST', `/v2/alerts/${String(alertId)}/escalate`, {
        escalation: { name: 'nope' },
      }),
    ).toMatchObject({
      isSuccess: false,
      status: 'Escalation [nope] does not exist',
    })
  })
})
