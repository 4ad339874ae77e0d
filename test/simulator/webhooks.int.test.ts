import { afterEach, describe, expect, it } from 'vitest'
import type { RunningSimulator } from '../../src/simulator/index'
import { readZulipFixture } from '../fixtures/opsgenie/paths'
import { api, processed, startTestSim } from './helpers'
import { startReceiver } from './webhook-receiver'

let sim: RunningSimulator
let receiver: Awaited<ReturnType<typeof startReceiver>>
afterEach(async () => {
  await sim.close()
  await receiver.close()
})

const fixture = (name: string): Record<string, unknown> =>
  JSON.parse(readZulipFixture(name)) as Record<string, unknown>
const keysOf = (o: unknown): string[] => Object.keys(o as object)

describe('outgoing webhooks', () => {
  it('posts every alert change in order with the configured headers and the fixture shapes', async () => {
    receiver = await startReceiver()
    sim = await startTestSim({
      seed: 'demo',
      webhook: { url: receiver.url, headers: { Authorization: 'Bearer s3cret' } },
    })
    const { alertId } = await processed(sim, 'POST', '/v2/alerts', {
      message: 'webhook me',
      alias: 'wh',
      tags: ['a'],
      responders: [{ type: 'team', name: 'Platform' }],
    })
    const path = `/v2/alerts/${String(alertId)}`
    const steps: [string, string, unknown][] = [
      ['POST', '/acknowledge', {}],
      ['POST', '/unacknowledge', {}],
      ['POST', '/notes', { note: 'hello' }],
      ['POST', '/assign', { owner: { username: 'alice@example.com' } }],
      ['POST', '/responders', { responder: { type: 'user', username: 'bashir@example.com' } }],
      ['POST', '/responders', { responder: { type: 'team', name: 'Data' } }],
      ['POST', '/escalate', { escalation: { name: 'Platform_escalation' } }],
      ['POST', '/tags', { tags: ['b', 'c'] }],
      ['DELETE', '/tags?tags=c', undefined],
      ['PUT', '/priority', { priority: 'P1' }],
      ['POST', '/close', {}],
      ['DELETE', '', undefined],
    ]
    for (const [method, suffix, body] of steps)
      await processed(sim, method, `${path}${suffix}`, body)
    await sim.flushWebhooks()
    const payloads = receiver.received.map(
      (r) => JSON.parse(r.text) as Record<string, unknown> & { alert: Record<string, unknown> },
    )
    expect(payloads.map((p) => p.action)).toEqual([
      'Create',
      'Acknowledge',
      'UnAcknowledge',
      'AddNote',
      'AssignOwnership',
      'AddRecipient',
      'AddTeam',
      'Escalate',
      'AddTags',
      'RemoveTags',
      'UpdatePriority',
      'Close',
      'Delete',
    ])
    expect(
      receiver.received.every(
        (r) =>
          r.headers.authorization === 'Bearer s3cret' &&
          r.headers['content-type'] === 'application/json',
      ),
    ).toBe(true)
    const byAction = new Map(payloads.map((p) => [String(p.action), p]))
    const compare: [string, string][] = [
      ['Create', 'create'],
      ['Acknowledge', 'acknowledge'],
      ['AddNote', 'addnote'],
      ['AssignOwnership', 'assignownership'],
      ['AddRecipient', 'addrecipient'],
      ['AddTeam', 'addteam'],
      ['AddTags', 'addtags'],
      ['RemoveTags', 'removetags'],
      ['Close', 'close'],
      ['Delete', 'delete'],
      ['UnAcknowledge', 'unacknowledge'],
    ]
    for (const [action, file] of compare) {
      const ours = byAction.get(action)
      const theirs = fixture(file)
      expect(keysOf(ours)).toEqual(expect.arrayContaining(keysOf(theirs)))
      expect(keysOf(ours?.alert)).toEqual(expect.arrayContaining(keysOf(theirs.alert)))
    }
    expect(keysOf(byAction.get('Escalate')).sort()).toEqual(keysOf(fixture('escalate')).sort())
    expect(byAction.get('AddNote')?.alert.note).toBe('hello')
    expect(byAction.get('AssignOwnership')?.alert.owner).toBe('alice@example.com')
    expect(byAction.get('AddTeam')?.alert.team).toBe('Data')
    expect(byAction.get('RemoveTags')?.alert).toMatchObject({ removedTags: 'c', tags: ['a', 'b'] })
    expect(byAction.get('UpdatePriority')?.alert).toMatchObject({
      priority: 'P1',
      oldPriority: 'P3',
    })
    for (const r of receiver.received.filter((x) => !x.text.includes('"Escalate"'))) {
      expect(r.text).toMatch(/"updatedAt":\d{19}[,}]/)
      expect(r.text).toMatch(/"createdAt":\d{13}[,}]/)
    }
  })

  it('retries a failed delivery and never delays the API response', async () => {
    receiver = await startReceiver(2)
    sim = await startTestSim({ webhook: { url: receiver.url } })
    const res = await api(sim, 'POST', '/v2/alerts', { message: 'retry me' })
    expect(res.status).toBe(202)
    // The delivery succeeds only at its third attempt, after 100 + 400 ms of retry delays: an API
    // that waited for delivery would answer after it. A cause, not a stopwatch, so a loaded
    // machine cannot fail it.
    expect(receiver.received).toHaveLength(0)
    await sim.flushWebhooks()
    expect(receiver.attempts()).toBe(3)
    expect(receiver.received).toHaveLength(1)
    expect(receiver.received[0]?.text).toContain('retry me')
  })
})
