import { afterEach, describe, expect, it } from 'vitest'
import {
  createRelayClient,
  TOKEN_REFUSED,
  type RelayClient,
  type RelayClientState,
  type RelayEvent,
  type RelayReset,
} from '../../../../src/main/gateway/intake'
import { gatedFetch, oneTo, startStack, until, type Stack } from './support'

let stack: Stack | undefined
let client: RelayClient | undefined
afterEach(async () => {
  await client?.stop()
  await stack?.close()
  client = undefined
  stack = undefined
})

interface Seen {
  readonly events: RelayEvent[]
  readonly resets: RelayReset[]
  readonly states: RelayClientState[]
}

function connect(
  s: Stack,
  extra: { lastEventId?: string; fetch?: typeof fetch; token?: string } = {},
): Seen & { client: RelayClient } {
  const seen: Seen = { events: [], resets: [], states: [] }
  const c = createRelayClient({
    url: s.relay.url,
    token: extra.token ?? s.token,
    lastEventId: extra.lastEventId,
    heartbeatTimeoutMs: 2_000,
    backoff: { initialMs: 20, maxMs: 200 },
    refusedRetryMs: 60_000,
    fetch: extra.fetch,
    onEvent: (e) => seen.events.push(e),
    onReset: (r) => seen.resets.push(r),
    onState: (state) => seen.states.push(state),
  })
  c.start()
  return { ...seen, client: c }
}

const ids = (seen: Seen): string[] => seen.events.map((e) => e.id)
const isOpen = (c: RelayClient): boolean => c.state().status === 'open'

describe('relay client over a real relay fed by the simulator', () => {
  it('delivers an alert created on the simulator, with the SSE data verbatim and nanosecond timestamps intact', async () => {
    stack = await startStack()
    const seen = connect(stack)
    client = seen.client
    await until(() => isOpen(seen.client), 'the stream to open')
    const alertId = await stack.createAlert('db-down')
    const [event] = await until(() => seen.events.length > 0 && seen.events, 'the alert to arrive')
    const data = JSON.parse(event?.data ?? '') as {
      id: number
      action: string
      alertId: string
      payload: string
    }
    expect(data).toMatchObject({ id: Number(event?.id), action: 'Create', alertId })
    // The raw webhook keeps updatedAt as an integer literal beyond 2^53.
    expect(data.payload).toMatch(/"updatedAt":\d{19}\b/)
    expect(seen.client.lastEventId()).toBe(event?.id)
  })

  it('after a relay restart resumes with exactly the events it missed: no gaps, no repeats', async () => {
    stack = await startStack()
    const gate = gatedFetch()
    const seen = connect(stack, { fetch: gate.fetch })
    client = seen.client
    await until(() => isOpen(seen.client), 'the stream to open')
    for (const name of ['a1', 'a2', 'a3']) await stack.createAlert(name)
    const before = await stack.latestEventId()
    await until(() => seen.events.length === before, `${before} events before the restart`)

    gate.shut()
    await stack.restartRelay()
    await until(() => gate.waiting() > 0, 'the client to try to reconnect')
    for (const name of ['a4', 'a5', 'a6']) await stack.createAlert(name) // stored while the client is away
    const missedThrough = await stack.latestEventId()
    expect(missedThrough).toBeGreaterThan(before)
    gate.open()
    await until(() => seen.events.length === missedThrough, 'the missed events')
    await stack.createAlert('a7')
    const latest = await stack.latestEventId()
    await until(() => seen.events.length === latest, 'the live event after the resume')

    expect(ids(seen)).toEqual(oneTo(latest))
    expect(gate.requests.at(-1)?.get('last-event-id')).toBe(String(before))
  })

  it('a new client started from a cursor resumes exactly after it', async () => {
    stack = await startStack()
    const first = connect(stack)
    client = first.client
    await until(() => isOpen(first.client), 'the first stream to open')
    for (const name of ['b1', 'b2']) await stack.createAlert(name)
    const cursor = String(await stack.latestEventId())
    await until(() => first.client.lastEventId() === cursor, 'the first client to catch up')
    await first.client.stop()

    for (const name of ['b3', 'b4']) await stack.createAlert(name)
    const second = connect(stack, { lastEventId: cursor })
    client = second.client
    await stack.createAlert('b5')
    const latest = await stack.latestEventId()
    await until(
      () => second.events.length === latest - Number(cursor),
      'the events after the cursor',
    )
    expect(ids(second)).toEqual(oneTo(latest).slice(Number(cursor)))
    expect([...ids(first), ...ids(second)]).toEqual(oneTo(latest))
  })

  it('handles reset: follows the relay to its latest id and continues live', async () => {
    stack = await startStack()
    await stack.createAlert('c1')
    const latest = await stack.latestEventId()
    const seen = connect(stack, { lastEventId: '999' }) // a cursor from another store
    client = seen.client
    const [reset] = await until(() => seen.resets.length > 0 && seen.resets, 'the reset')
    expect(reset?.id).toBe(String(latest))
    expect(JSON.parse(reset?.data ?? '')).toEqual({ reason: 'unknown_cursor', lastEventId: latest })
    expect(seen.client.lastEventId()).toBe(String(latest))
    await stack.createAlert('c2')
    const after = await stack.latestEventId()
    await until(() => seen.events.length > 0, 'a live event after the reset')
    expect(ids(seen)).toEqual(oneTo(after).slice(latest))
  })

  it('a revoked token ends the stream and the next attempt is refused, then retried only slowly', async () => {
    stack = await startStack()
    const gate = gatedFetch()
    const seen = connect(stack, { fetch: gate.fetch })
    client = seen.client
    await until(() => isOpen(seen.client), 'the stream to open')
    stack.revokeToken()
    const refused = await until(() => {
      const state = seen.client.state()
      return state.status === 'waiting' && state.end.kind === 'refused' && state
    }, 'the refusal')
    expect(refused.end.detail).toContain(TOKEN_REFUSED)
    expect(refused.retryAt - Date.now()).toBeGreaterThan(50_000)
    expect(gate.requests).toHaveLength(2) // the first connection and the refused one
  })

  it('an unreachable relay is a network failure, retried with backoff', async () => {
    stack = await startStack()
    await stack.relay.close()
    stack.relay = { ...stack.relay, close: () => Promise.resolve() } // closed already
    const seen = connect(stack)
    client = seen.client
    await until(
      () => seen.states.filter((s) => s.status === 'waiting').length >= 3,
      'three failed attempts',
    )
    const waits = seen.states.flatMap((s) => (s.status === 'waiting' ? [s.end] : []))
    expect(waits.every((end) => end.kind === 'network' && /ECONNREFUSED/.test(end.detail))).toBe(
      true,
    )
  })
})
