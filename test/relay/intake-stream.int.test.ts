import { mkdtempSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { SseMessage } from '../../bench/relay-sse-client.js'
import { openSqliteEventStore } from '../../src/relay/index.js'
import {
  eventData,
  fixtures,
  metricsText,
  metricValue,
  startTestRelay,
  waitForMessages,
  type TestRelay,
} from './support/relay-harness.js'

let t: TestRelay
beforeEach(async () => {
  t = await startTestRelay()
})
afterEach(async () => {
  await t.close()
})

describe('POST /webhooks/opsgenie then GET /events', () => {
  it('accepts every real fixture and streams each payload back byte-identical', async () => {
    const sse = await t.sse(0)
    const all = fixtures()
    expect(all.length).toBeGreaterThanOrEqual(14)
    for (const f of all) {
      const res = await t.post(f.body)
      expect(res.status, f.name).toBe(200)
    }
    const messages = await waitForMessages(sse, all.length)
    expect(messages.map((m) => m.event)).toEqual(all.map(() => 'opsgenie'))
    messages.forEach((m, i) => {
      const data = eventData(m)
      const sent = all[i]?.body
      expect(data.payload).toBe(sent)
      expect(m.id).toBe(String(data.id))
      expect(data.action).toBe((JSON.parse(sent ?? '') as { action: string }).action)
    })
    const ids = messages.map((m) => Number(m.id))
    expect(ids).toEqual([...ids].sort((a, b) => a - b))
    expect(new Set(ids).size).toBe(ids.length)
    // The nanosecond timestamp is read exactly, not rounded through a double.
    const ack = messages.map(eventData).find((d) => d.action === 'Acknowledge')
    expect(ack?.dedupKey).toBe(
      '052652ac-5d1c-464a-812a-7dd18bbfba8c|Acknowledge|1420452224764002246',
    )
    const escalate = messages.map(eventData).find((d) => d.action === 'Escalate')
    expect(escalate?.alertId).toBe('7ba97e3a-d328-4b5e-8f9a-39e945a3869a')
    expect(messages.map(eventData).find((d) => d.action === 'TestAction')).toBeDefined()
    sse.close()
  })

  it('keeps a repeated delivery and marks it as a repeat with the same dedup key', async () => {
    const create = fixtures().find((f) => f.name === 'create.json')?.body ?? ''
    const first = await t.post(create)
    const again = await t.post(
      create.replace('"integrationName":"Webhook"', '"integrationName":"Webhook_team2"'),
    )
    expect(first.json).toMatchObject({ repeat: false })
    expect(again.json).toMatchObject({ repeat: true, dedupKey: first.json['dedupKey'] })
    expect(again.json['id']).toBe(Number(first.json['id']) + 1)
  })

  it('redacts the webhook secret when Opsgenie echoes the custom headers in the body', async () => {
    const escalate = fixtures().find((f) => f.name === 'escalate.json')?.body ?? ''
    const echoed = escalate.replace(
      '"foo":"bar"',
      `"foo":"bar","X-Ondeck-Webhook-Secret":"${t.secret}"`,
    )
    expect(echoed).toContain(t.secret)
    const sse = await t.sse()
    expect((await t.post(echoed)).status).toBe(200)
    const [message] = await waitForMessages(sse, 1)
    const payload = eventData(message as SseMessage).payload
    expect(payload).not.toContain(t.secret)
    expect(payload).toBe(echoed.replace(t.secret, '[redacted by ondeck relay]'))
    sse.close()
  })

  it('refuses bad input with the stated status and a message naming the problem', async () => {
    const body = fixtures()[0]?.body ?? ''
    const cases: [
      string,
      Promise<{ status: number; json: Record<string, unknown> }>,
      number,
      RegExp,
    ][] = [
      ['missing secret', t.post(body, {}), 401, /X-Ondeck-Webhook-Secret/],
      [
        'wrong secret',
        t.post(body, { 'X-Ondeck-Webhook-Secret': `${t.secret}x` }),
        401,
        /X-Ondeck-Webhook-Secret/,
      ],
      ['not JSON', t.post('{"action":', undefined), 400, /not JSON/],
      ['not UTF-8', t.post(new Uint8Array([0x7b, 0xff, 0x7d])), 400, /UTF-8/],
      ['array', t.post('[]'), 422, /expected a JSON object/],
      ['no action', t.post('{"alert":{"alertId":"a"}}'), 422, /action/],
      ['no alert', t.post('{"action":"Create"}'), 422, /alert/],
      ['no alertId', t.post('{"action":"Create","alert":{}}'), 422, /alert\.alertId/],
    ]
    for (const [name, pending, status, message] of cases) {
      const res = await pending
      expect(res.status, name).toBe(status)
      expect(String(res.json['error']), name).toMatch(message)
    }
    const metrics = await metricsText(t.relay)
    expect(
      metricValue(metrics, 'ondeck_relay_webhooks_rejected_total{reason="unauthorized"}'),
    ).toBe(2)
    expect(metricValue(metrics, 'ondeck_relay_webhooks_rejected_total{reason="not_json"}')).toBe(2)
    expect(
      metricValue(metrics, 'ondeck_relay_webhooks_rejected_total{reason="invalid_payload"}'),
    ).toBe(4)
    expect(metricValue(metrics, 'ondeck_relay_events_received_total')).toBe(0)
  })

  it('answers 413 to a body over 1 MiB, declared or streamed, without reading it all', async () => {
    const big = `{"action":"Create","alert":{"alertId":"a"},"pad":"${'x'.repeat(1024 * 1024)}"}`
    const declared = await t.post(big)
    expect(declared.status).toBe(413)
    expect(String(declared.json['error'])).toMatch(/exceeds 1048576 bytes/)
    const streamed = await chunkedPost(`${t.relay.url}/webhooks/opsgenie`, t.secret, big)
    expect(streamed).toBe(413)
    const head = '{"action":"Create","alert":{"alertId":"a"},"pad":"'
    const atLimit = `${head}${'x'.repeat(1024 * 1024 - head.length - 2)}"}`
    expect(Buffer.byteLength(atLimit)).toBe(1024 * 1024)
    expect((await t.post(atLimit)).status).toBe(200)
  })

  it('reports counts, delivered events and connected clients in /metrics', async () => {
    const a = await t.sse()
    const b = await t.sse()
    for (const f of fixtures().slice(0, 3)) await t.post(f.body)
    await waitForMessages(a, 3)
    await waitForMessages(b, 3)
    const text = await metricsText(t.relay)
    expect(text).toContain('# TYPE ondeck_relay_events_received_total counter')
    expect(metricValue(text, 'ondeck_relay_events_received_total')).toBe(3)
    expect(metricValue(text, 'ondeck_relay_events_delivered_total')).toBe(6)
    expect(metricValue(text, 'ondeck_relay_sse_clients')).toBe(2)
    expect(metricValue(text, 'ondeck_relay_oldest_event_age_seconds')).toBeGreaterThanOrEqual(0)
    expect(metricValue(text, 'ondeck_relay_commit_seconds_count')).toBe(3) // one commit per awaited post
    expect(metricValue(text, 'ondeck_relay_commit_seconds{quantile="1"}')).toBeGreaterThan(0)
    expect(
      metricValue(text, 'ondeck_relay_event_loop_delay_seconds{quantile="0.99"}'),
    ).toBeGreaterThanOrEqual(0)
    a.close()
    b.close()
    const health = await fetch(`${t.relay.url}/healthz`)
    expect(await health.json()).toEqual({ status: 'ok', latestEventId: 3 })
  })
})

/** Sends without Content-Length, so the relay only learns the size while reading. */
function chunkedPost(url: string, secret: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        headers: { 'X-Ondeck-Webhook-Secret': secret, 'Content-Type': 'application/json' },
      },
      (res) => {
        res.resume()
        resolve(res.statusCode ?? 0)
      },
    )
    req.on('error', reject)
    for (let i = 0; i < body.length; i += 64 * 1024) req.write(body.slice(i, i + 64 * 1024))
    req.end()
  })
}

describe('when the store cannot commit', () => {
  it('answers 503, never 2xx, and counts the rejection', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ondeck-relay-'))
    const sqlite = openSqliteEventStore(dataDir)
    const failing = { ...sqlite, append: () => Promise.reject(new Error('disk I/O error')) }
    const broken = await startTestRelay({ dataDir, store: failing })
    try {
      const res = await broken.post(fixtures()[0]?.body ?? '')
      expect(res.status).toBe(503)
      expect(String(res.json['error'])).toMatch(/could not store the event: disk I\/O error/)
      const text = await metricsText(broken.relay)
      expect(metricValue(text, 'ondeck_relay_webhooks_rejected_total{reason="store_failed"}')).toBe(
        1,
      )
      expect(metricValue(text, 'ondeck_relay_events_received_total')).toBe(0)
    } finally {
      await broken.close()
    }
  })
})
