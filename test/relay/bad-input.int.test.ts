import { request } from 'node:http'
import { connect } from 'node:net'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { WEBHOOK_SECRET_HEADER } from '../../src/relay/index.js'
import {
  eventData,
  fixtures,
  metricsText,
  metricValue,
  startTestRelay,
  waitForMessages,
  type TestRelay,
} from './support/relay-harness.js'

const RECEIVED_AT = Date.parse('2026-03-01T12:00:00Z')
let t: TestRelay
beforeEach(async () => {
  t = await startTestRelay({ now: () => RECEIVED_AT })
})
afterEach(async () => {
  vi.restoreAllMocks()
  await t.close()
})

const create = (): string => fixtures().find((f) => f.name === 'create.json')?.body ?? ''
/** The create fixture with `alert.updatedAt` set to `ms` after the relay's clock, in epoch ns. */
const updatedAhead = (ms: number): string =>
  create().replace(/"updatedAt":\d+/, `"updatedAt":${BigInt(RECEIVED_AT + ms) * 1_000_000n}`)

describe('webhook bodies the relay refuses', () => {
  it('answers 415 unless the body is declared as JSON (charset optional, UTF-8 only)', async () => {
    const secret = { [WEBHOOK_SECRET_HEADER]: t.secret }
    const refused = [
      'text/plain',
      'application/x-www-form-urlencoded',
      'application/json; charset=latin1',
    ]
    for (const type of refused) {
      const res = await t.post(create(), { ...secret, 'Content-Type': type })
      expect(res.status, type).toBe(415)
      expect(String(res.json['error']), type).toMatch(/Content-Type must be application\/json/)
    }
    expect(await postWithoutContentType(t, create())).toBe(415)
    for (const type of ['application/json', 'Application/JSON; charset="UTF-8"']) {
      expect((await t.post(create(), { ...secret, 'Content-Type': type })).status, type).toBe(200)
    }
    const metrics = await metricsText(t.relay)
    expect(
      metricValue(metrics, 'ondeck_relay_webhooks_rejected_total{reason="unsupported_media_type"}'),
    ).toBe(4)
  })

  it('answers 422 to JSON nested deeper than 64 levels instead of overflowing the stack', async () => {
    const errors = vi.spyOn(console, 'error')
    const deep = `{"action":"Create","alert":{"alertId":"a"},"x":${'['.repeat(200_000)}${']'.repeat(200_000)}}`
    const res = await t.post(deep)
    expect(res.status).toBe(422)
    expect(String(res.json['error'])).toMatch(/nested deeper than 64 levels/)
    const nest = (levels: number): string => '['.repeat(levels) + ']'.repeat(levels)
    // The root object is level 1, so 63 more levels is the deepest body accepted.
    const atLimit = `{"action":"Create","alert":{"alertId":"a"},"x":${nest(63)}}`
    expect((await t.post(atLimit)).status).toBe(200)
    const overLimit = `{"action":"Create","alert":{"alertId":"a"},"x":${nest(64)}}`
    expect((await t.post(overLimit)).status).toBe(422)
    expect(errors).not.toHaveBeenCalled()
  })

  it('answers 422 when alert.updatedAt is more than 10 minutes ahead of the relay clock', async () => {
    const sse = await t.sse()
    const forged = await t.post(updatedAhead(11 * 60_000))
    expect(forged.status).toBe(422)
    expect(String(forged.json['error'])).toMatch(
      /alert\.updatedAt is .* ahead of the relay's clock/,
    )
    expect((await t.post(updatedAhead(9 * 60_000))).status).toBe(200)
    // Every event carries the relay's own receipt time, whatever the payload claims.
    const [event] = await waitForMessages(sse, 1)
    expect(eventData(event ?? { event: '', id: '', data: '{}' }).receivedAt).toBe(
      new Date(RECEIVED_AT).toISOString(),
    )
    sse.close()
    const metrics = await metricsText(t.relay)
    expect(
      metricValue(metrics, 'ondeck_relay_webhooks_rejected_total{reason="future_timestamp"}'),
    ).toBe(1)
  })
})

describe('malformed request targets', () => {
  it('answer 4xx without a stack trace, and the relay keeps serving', async () => {
    const errors = vi.spyOn(console, 'error')
    const { port } = t.relay
    const invalid = await rawRequest(port, 'GET //x:99999 HTTP/1.1')
    expect(invalid).toMatch(/^HTTP\/1\.1 400 /)
    expect(invalid).toMatch(/malformed request target/)
    expect(await rawRequest(port, 'POST //[::1 HTTP/1.1')).toMatch(/^HTTP\/1\.1 400 /)
    expect(await rawRequest(port, 'GET /% HTTP/1.1')).toMatch(/^HTTP\/1\.1 4\d\d /)
    expect(errors).not.toHaveBeenCalled()
    const health = await fetch(`${t.relay.url}/healthz`)
    expect(health.status).toBe(200)
  })
})

/** Sends one request line as written, byte for byte; resolves with the whole response. */
function rawRequest(port: number, requestLine: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1')
    let response = ''
    socket.setEncoding('utf8')
    socket.on('data', (chunk: string) => (response += chunk))
    socket.on('end', () => resolve(response))
    socket.on('error', reject)
    socket.write(`${requestLine}\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`)
  })
}

/** fetch always sends a Content-Type with a string body; node:http sends none unless told. */
function postWithoutContentType(relay: TestRelay, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${relay.relay.url}/webhooks/opsgenie`,
      {
        method: 'POST',
        headers: {
          [WEBHOOK_SECRET_HEADER]: relay.secret,
          'Content-Length': Buffer.byteLength(body),
        },
      },
      (res) => {
        res.resume()
        resolve(res.statusCode ?? 0)
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}
