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
  startInbox,
  startPagingSim,
  type SlackInbox,
} from './support'

let sim: RunningSimulator | undefined
let relay: TestRelay | undefined
let inbox: SlackInbox | undefined
afterEach(async () => {
  await relay?.close()
  await sim?.close()
  await inbox?.close()
  relay = sim = inbox = undefined
})

async function start(replyWithinMs = 2500): Promise<{ url: string; sim: RunningSimulator }> {
  sim = await startPagingSim()
  relay = await startTestRelay({
    slack: {
      signingSecret: SIGNING_SECRET,
      opsgenie: { host: sim.url, apiKey: NARROW_KEY },
      replyWithinMs,
      allowLoopbackResponseUrl: true,
    },
  })
  return { url: relay.relay.url, sim }
}

describe('POST /slack/commands: paging from Slack', () => {
  it('pages the Platform team once, recording who paged from where, with the desktop priority map', async () => {
    const { url, sim } = await start()
    const answer = await post(url, slashCommand('page platform Checkout is down critical'))
    expect(answer.status).toBe(200)
    expect(answer.json.response_type).toBe('ephemeral')
    expect(answer.json.text).toContain('Paged team *Platform* with P1 (Critical)')
    const [alert, ...more] = [...sim.state.alerts.values()].filter((a) => a.tags.includes('slack'))
    expect(more).toEqual([])
    expect(alert).toMatchObject({ message: 'Checkout is down', priority: 'P1', count: 1 })
    expect(alert?.responders).toMatchObject([{ type: 'team', name: 'Platform' }])
    expect(alert?.details).toMatchObject({
      'slack.user_id': 'U2147483697',
      'slack.user_name': 'steve',
      'slack.channel_id': 'C2147483705',
      'slack.team_id': 'T0001',
    })
    expect(alert?.notes[0]?.note).toMatch(
      /Paged from Slack by @steve \(U2147483697\) in #incidents/,
    )
  })

  it('never pages twice for a Slack retry or a replay of the same request', async () => {
    const { url, sim } = await start()
    const body = slashCommand('page platform Checkout is down P2')
    const first = await post(url, body)
    const retry = await post(url, body, { ...signedHeaders(body), 'X-Slack-Retry-Num': '1' })
    const replay = await post(url, body)
    for (const answer of [first, retry, replay]) expect(answer.json.text).toContain('Paged team')
    expect(slackAlerts(sim)).toHaveLength(1)
    expect(slackAlerts(sim)[0]?.count).toBe(1)
  })

  it('answers with close matches for an unknown name and with the choices for an ambiguous one, paging nobody', async () => {
    const { url, sim } = await start()
    // A user whose name before the @ is also a team's name; names are read once, so first.
    sim.state.users.push({
      id: 'u-platform',
      username: 'platform@example.com',
      fullName: 'Platform Bot',
      role: 'User',
      timeZone: 'UTC',
      createdAt: 0,
    })
    const unknown = await post(url, slashCommand('page platfrom Checkout is down'))
    expect(unknown.json.text).toMatch(/No team, schedule, escalation or user is named "platfrom"/)
    expect(unknown.json.text).toContain('Close matches: team *Platform*')
    const ambiguous = await post(url, slashCommand('page platform Checkout is down'))
    expect(ambiguous.json.text).toMatch(/matches more than one/)
    expect(ambiguous.json.text).toContain('`team:Platform`')
    expect(ambiguous.json.text).toContain('`user:platform@example.com`')
    expect(slackAlerts(sim)).toHaveLength(0)
  })

  it('tells who is on call now and next for a team, and answers help', async () => {
    const { url } = await start()
    const oncall = await post(url, slashCommand('oncall platform'))
    expect(oncall.json.text).toMatch(
      /On call for team \*Platform\*:\n• \*Platform_schedule\*: now \S+.*; next \S+/,
    )
    const help = await post(url, slashCommand('help'))
    expect(help.json.text).toContain('/ondeck page <team|schedule|escalation|user>')
  })

  it('says honestly that nothing was paged when Opsgenie answers 429', async () => {
    const { url, sim } = await start()
    await post(url, slashCommand('oncall platform')) // names are read once and cached
    sim.setRateLimits({ alert: { perMinute: 1, perSecond: 1 } })
    const other = await fetch(`${sim.url}/v2/alerts`, {
      method: 'POST',
      headers: { Authorization: `GenieKey ${NARROW_KEY}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ message: 'uses up the minute' }),
    })
    expect(other.status).toBe(202)
    const answer = await post(url, slashCommand('page platform Checkout is down'))
    expect(answer.json.text).toMatch(
      /Not paged: Opsgenie is rate-limiting this account \(HTTP 429\)/,
    )
    expect(slackAlerts(sim)).toHaveLength(0)
  })

  it('says honestly that nothing was paged during an Opsgenie outage', async () => {
    const { url, sim } = await start()
    sim.setFaults({ errorRate: 1 })
    const answer = await post(url, slashCommand('page platform Checkout is down'))
    expect(answer.json.text).toMatch(/Opsgenie did not answer properly/)
    sim.setFaults({})
    expect(slackAlerts(sim)).toHaveLength(0)
  })

  it('answers within the deadline and posts the result to response_url when Opsgenie is slow', async () => {
    inbox = await startInbox()
    const { url, sim } = await start(300)
    const body = slashCommand('page platform Checkout is down', { response_url: inbox.url })
    sim.setFaults({ latencyMs: 150 })
    const started = Date.now()
    const answer = await post(url, body)
    expect(Date.now() - started).toBeLessThan(1500)
    expect(answer.json.text).toMatch(/Working on it/)
    const box = inbox
    await expect.poll(() => box.messages.length, { timeout: 10_000 }).toBe(1)
    expect(box.messages[0]).toMatchObject({ response_type: 'ephemeral' })
    expect(String(box.messages[0]?.text)).toContain('Paged team *Platform*')
    expect(slackAlerts(sim)).toHaveLength(1)
  })
})
