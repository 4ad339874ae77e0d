import { afterEach, describe, expect, it } from 'vitest'
import { connectSse } from '../../bench/relay-sse-client.js'
import { openTokenStore } from '../../src/relay/index.js'
import {
  eventData,
  fixtures,
  metricsText,
  metricValue,
  pollUntil,
  startTestRelay,
  waitForMessages,
  type TestRelay,
} from './support/relay-harness.js'

let t: TestRelay | undefined
afterEach(async () => {
  await t?.close()
  t = undefined
})

const START = Date.parse('2024-01-01T00:00:00Z')
const bodies = (n: number): string[] =>
  Array.from(
    { length: n },
    (_, i) =>
      `{"action":"Create","alert":{"alertId":"alert-${i}","updatedAt":1700000000000000${String(i).padStart(3, '0')}}}`,
  )

describe('GET /events resume, reset and authentication', () => {
  it('resumes after Last-Event-ID with exactly the missed events, then continues live', async () => {
    t = await startTestRelay()
    const sent = bodies(10)
    for (const b of sent.slice(0, 4)) await t.post(b)
    const first = await t.sse(0)
    await waitForMessages(first, 4)
    const lastSeen = first.messages[3]?.id
    first.close()
    for (const b of sent.slice(4, 8)) await t.post(b) // missed while away

    const resumed = await t.sse(lastSeen)
    await waitForMessages(resumed, 4)
    for (const b of sent.slice(8)) await t.post(b)
    const all = await waitForMessages(resumed, 6)
    expect(all.map((m) => eventData(m).payload)).toEqual(sent.slice(4))
    expect(all.map((m) => Number(m.id))).toEqual([5, 6, 7, 8, 9, 10])

    const viaQuery = await fetchIds(t, '?lastEventId=8')
    expect(viaQuery).toEqual([9, 10])
    resumed.close()
  })

  it('without Last-Event-ID streams only what arrives after connecting', async () => {
    t = await startTestRelay()
    await t.post(bodies(1)[0] ?? '')
    const live = await t.sse()
    await t.post(bodies(2)[1] ?? '')
    const [only] = await waitForMessages(live, 1)
    expect(only?.id).toBe('2')
    live.close()
  })

  it('sends reset when the cursor is older than the retained window, then continues live', async () => {
    let clock = START // bodies() carry 2023 timestamps; the relay refuses ones from its future
    t = await startTestRelay({ retentionMs: 60_000, pruneIntervalMs: 3_600_000, now: () => clock })
    for (const b of bodies(3)) await t.post(b)
    clock += 61_000
    await t.post(bodies(4)[3] ?? '') // id 4, still retained
    expect(await t.relay.prune()).toBe(3)

    const behind = await t.sse(1)
    const [reset] = await waitForMessages(behind, 1)
    expect(reset?.event).toBe('reset')
    expect(reset?.id).toBe('4')
    expect(JSON.parse(reset?.data ?? '')).toEqual({ reason: 'retention_exceeded', lastEventId: 4 })
    await t.post(bodies(5)[4] ?? '')
    const after = await waitForMessages(behind, 2)
    expect(after[1]?.event).toBe('opsgenie')
    expect(after[1]?.id).toBe('5')

    const atEdge = await t.sse(3) // nothing after 3 was pruned: no reset
    await waitForMessages(atEdge, 2)
    expect(atEdge.messages.map((m) => m.id)).toEqual(['4', '5'])
    const fromOtherStore = await t.sse(99)
    const [unknown] = await waitForMessages(fromOtherStore, 1)
    expect(JSON.parse(unknown?.data ?? '')).toEqual({ reason: 'unknown_cursor', lastEventId: 5 })
    for (const c of [behind, atEdge, fromOtherStore]) c.close()
  })

  it('prunes in the background', async () => {
    let clock = START // bodies() carry 2023 timestamps; the relay refuses ones from its future
    t = await startTestRelay({ retentionMs: 1_000, pruneIntervalMs: 20, now: () => clock })
    for (const b of bodies(2)) await t.post(b)
    clock += 2_000
    const relay = t.relay
    expect(metricValue(await metricsText(relay), 'ondeck_relay_oldest_event_age_seconds')).toBe(2)
    const age = async (): Promise<number | undefined> =>
      metricValue(await metricsText(relay), 'ondeck_relay_oldest_event_age_seconds')
    await pollUntil(async () => (await age()) === 0, 'the background prune to empty the store')
    const conn = await t.sse(0)
    const [reset] = await waitForMessages(conn, 1)
    expect(reset?.event).toBe('reset')
    conn.close()
  })

  it('refuses unknown and revoked tokens with 401 and drops a revoked device that is connected', async () => {
    t = await startTestRelay({ heartbeatMs: 50 })
    const unknown = await t.sse(undefined, 'odr_not-a-real-token')
    await unknown.ended
    expect(unknown.status).toBe(401)
    expect(unknown.errorBody).toMatch(/device token/)
    const none = await fetch(`${t.relay.url}/events`)
    expect(none.status).toBe(401)

    const tokens = openTokenStore(t.dataDir)
    const laptop = tokens.create('laptop')
    const connected = await t.sse(undefined, laptop)
    expect(connected.status).toBe(200)
    expect(tokens.revoke('laptop')).toBe(true)
    tokens.close()
    await connected.ended // the token store changed: the relay re-checks and closes the stream
    const refused = await t.sse(undefined, laptop)
    expect(refused.status).toBe(401)
    refused.close()
  })

  it('sends a comment heartbeat and rejects a malformed Last-Event-ID', async () => {
    t = await startTestRelay({ heartbeatMs: 30 })
    const conn = await t.sse()
    await pollUntil(() => conn.comments.includes('heartbeat'), 'a heartbeat comment')
    conn.close()
    const bad = await t.sse('abc')
    await bad.ended
    expect(bad.status).toBe(400)
    expect(bad.errorBody).toMatch(/Last-Event-ID/)
  })

  it('streams all fixtures to a resuming client across a relay restart on the same data folder', async () => {
    t = await startTestRelay()
    for (const f of fixtures()) await t.post(f.body)
    const dataDir = t.dataDir
    await t.relay.close()
    const again = await startTestRelay({ dataDir })
    t = again
    const conn = await again.sse(0)
    await waitForMessages(conn, fixtures().length)
    expect(conn.messages.map((m) => eventData(m).payload)).toEqual(fixtures().map((f) => f.body))
    conn.close()
  })
})

async function fetchIds(t: TestRelay, query: string): Promise<number[]> {
  const conn = await connectSse(`${t.relay.url}/events${query}`, {
    Authorization: `Bearer ${t.token}`,
  })
  await pollUntil(() => conn.messages.length >= 2, 'query resume')
  conn.close()
  return conn.messages.map((m) => Number(m.id))
}

describe('a client that stops reading', () => {
  it('is buffered, then fed from the store once it drains, and gets every event once, in order', async () => {
    t = await startTestRelay()
    const stalled = await t.sse()
    stalled.response.pause()
    const pad = 'x'.repeat(200 * 1024)
    const sent = Array.from(
      { length: 60 },
      (_, i) => `{"action":"AddNote","alert":{"alertId":"slow-${i}","note":"${pad}"}}`,
    )
    for (const b of sent) expect((await t.post(b)).status).toBe(200) // 12 MB: far past the 1 MiB budget
    const live = await t.sse(0)
    await waitForMessages(live, 60) // others are not held back by the stalled one
    stalled.response.resume()
    const got = await waitForMessages(stalled, 60, 10_000)
    expect(got.map((m) => Number(m.id))).toEqual(sent.map((_, i) => i + 1))
    expect(got.map((m) => eventData(m).payload)).toEqual(sent)
    stalled.close()
    live.close()
  })
})
