import { afterEach, describe, expect, it } from 'vitest'
import type { RunningSimulator } from '../../../src/simulator/index'
import { startTestRelay, type TestRelay } from '../support/relay-harness'
import {
  NARROW_KEY,
  post,
  signedHeaders,
  SIGNING_SECRET,
  slackAlerts,
  slashCommand,
  startPagingSim,
} from './support'

let sim: RunningSimulator | undefined
let relays: TestRelay[] = []
afterEach(async () => {
  for (const r of relays) await r.close()
  await sim?.close()
  relays = []
  sim = undefined
})

async function relayWith(
  slack: NonNullable<Parameters<typeof startTestRelay>[0]>['slack'],
): Promise<string> {
  const relay = await startTestRelay(slack === undefined ? {} : { slack })
  relays.push(relay)
  return relay.relay.url
}

function simulator(): RunningSimulator {
  if (sim === undefined) throw new Error('no simulator started')
  return sim
}

async function pagingRelay(): Promise<string> {
  sim ??= await startPagingSim()
  return relayWith({
    signingSecret: SIGNING_SECRET,
    opsgenie: { host: sim.url, apiKey: NARROW_KEY },
  })
}

describe('POST /slack/commands refuses what Slack did not sign', () => {
  it('refuses tampered, wrongly signed, stale, future and unsigned requests with 401, paging nobody', async () => {
    const url = await pagingRelay()
    const body = slashCommand('page platform Checkout is down')
    const tampered = body.replace('Checkout', 'Checkin')
    const cases: [string, string, Record<string, string>][] = [
      ['tampered body', tampered, signedHeaders(body)],
      ['wrong secret', body, signedHeaders(body, { secret: 'another-secret-0123456789abcdef' })],
      ['six minutes old', body, signedHeaders(body, { at: Date.now() - 6 * 60_000 })],
      ['six minutes ahead', body, signedHeaders(body, { at: Date.now() + 6 * 60_000 })],
      ['unsigned', body, { 'Content-Type': 'application/x-www-form-urlencoded' }],
      [
        'signature of another length',
        body,
        { ...signedHeaders(body), 'X-Slack-Signature': 'v0=abc' },
      ],
      [
        'timestamp not a number',
        body,
        { ...signedHeaders(body), 'X-Slack-Request-Timestamp': '1e9' },
      ],
    ]
    for (const [what, sent, headers] of cases) {
      const answer = await post(url, sent, headers)
      expect(answer.status, what).toBe(401)
      expect(answer.json.error, what).toMatch(/X-Slack/)
    }
    expect(slackAlerts(simulator())).toHaveLength(0)
  })

  it('accepts a request signed four minutes ago (inside the five-minute window)', async () => {
    const url = await pagingRelay()
    const body = slashCommand('help')
    const answer = await post(url, body, signedHeaders(body, { at: Date.now() - 4 * 60_000 }))
    expect(answer.status).toBe(200)
  })

  it('answers bad input with a clear 4xx', async () => {
    const url = await pagingRelay()
    const body = slashCommand('help')
    const json = await post(url, body, {
      ...signedHeaders(body),
      'Content-Type': 'application/json',
    })
    expect(json.status).toBe(415)
    const huge = slashCommand('x'.repeat(70_000))
    expect((await post(url, huge)).status).toBe(413)
    const noTrigger = new URLSearchParams(body)
    noTrigger.delete('trigger_id')
    const missing = await post(url, noTrigger.toString())
    expect(missing.status).toBe(400)
    expect(missing.json.error).toMatch(/trigger_id is required/)
    for (const responseUrl of [
      'https://evil.example/hook',
      'http://127.0.0.1:9/x',
      'https://hooks.slack.com.evil.example/x',
    ]) {
      const answer = await post(url, slashCommand('help', { response_url: responseUrl }))
      expect(answer.status, responseUrl).toBe(400)
      expect(answer.json.error).toMatch(/hooks\.slack\.com/)
    }
    const get = await fetch(`${url}/slack/commands`)
    expect(get.status).toBe(405)
    expect(get.headers.get('allow')).toBe('POST')
  })

  it('has no Slack route without a signing secret, and says paging is not configured without an Opsgenie key', async () => {
    const bare = await relayWith(undefined)
    const body = slashCommand('page platform Checkout is down')
    const none = await post(bare, body)
    expect(none.status).toBe(404)
    expect(none.json.error).toMatch(/--slack-signing-secret-file/)
    const slackOnly = await relayWith({ signingSecret: SIGNING_SECRET })
    const answer = await post(slackOnly, body)
    expect(answer.status).toBe(200)
    expect(answer.json.text).toMatch(/Paging from Slack is not configured/)
    expect((await post(slackOnly, slashCommand('help'))).json.text).toContain('/ondeck page')
  })

  it('a retry that reaches a restarted relay merges into the same alert (Opsgenie alias), paging once', async () => {
    const first = await pagingRelay()
    const body = slashCommand('page platform Checkout is down')
    expect((await post(first, body)).json.text).toContain('Paged team')
    const restarted = await pagingRelay()
    const retry = await post(restarted, body, { ...signedHeaders(body), 'X-Slack-Retry-Num': '1' })
    expect(retry.json.text).toContain('Paged team')
    const alerts = slackAlerts(simulator())
    expect(alerts).toHaveLength(1)
    expect(alerts[0]?.count).toBe(2)
  })
})
