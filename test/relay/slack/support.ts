import { createHmac } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { RunningSimulator } from '../../../src/simulator/index'
import type { SimulatorKey } from '../../../src/simulator/index'
import { startSimulator } from '../../../src/simulator/index'

export const SIGNING_SECRET = '8f742231b10e8888abcd99yyyzzz85a5'
/** Read, Create and Update, Configuration: what the relay needs, no Delete. */
export const NARROW_KEY = 'relay-narrow-key'
/** Every right, as a new API integration (or a desktop's key) has them. */
export const BROAD_KEY = 'relay-broad-key'
export const CREATE_ONLY_KEY = 'relay-create-only-key'

export const SIM_KEYS: SimulatorKey[] = [
  {
    key: NARROW_KEY,
    kind: 'global',
    accessRights: ['read', 'create_and_update', 'configuration'],
  },
  { key: BROAD_KEY, kind: 'global' },
  { key: CREATE_ONLY_KEY, kind: 'global', accessRights: ['create_and_update'] },
]

export function startPagingSim(): Promise<RunningSimulator> {
  return startSimulator({ keys: SIM_KEYS, seed: 'demo' })
}

/** Stands in for Slack's `response_url`: records every follow-up message posted to it. */
export interface SlackInbox {
  readonly url: string
  readonly messages: Record<string, unknown>[]
  close(): Promise<void>
}

export async function startInbox(): Promise<SlackInbox> {
  const messages: Record<string, unknown>[] = []
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      messages.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>)
      res.writeHead(200).end('ok')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/commands/T0001/1234/abcd`,
    messages,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

let triggers = 0

/** The form body of a slash command exactly as Slack posts it. */
export function slashCommand(text: string, overrides: Record<string, string> = {}): string {
  triggers += 1
  return new URLSearchParams({
    token: 'deprecated-verification-token',
    team_id: 'T0001',
    team_domain: 'acme',
    channel_id: 'C2147483705',
    channel_name: 'incidents',
    user_id: 'U2147483697',
    user_name: 'steve',
    command: '/ondeck',
    text,
    api_app_id: 'A123456',
    response_url: 'https://hooks.slack.com/commands/1234/5678',
    trigger_id: `13345224609.738474920.${triggers}`,
    ...overrides,
  }).toString()
}

/** Signs as Slack does: `v0=` hex HMAC-SHA256 of `v0:<timestamp>:<body>`. */
export function signedHeaders(
  body: string,
  options: { secret?: string; at?: number } = {},
): Record<string, string> {
  const timestamp = String(Math.floor((options.at ?? Date.now()) / 1000))
  const mac = createHmac('sha256', options.secret ?? SIGNING_SECRET)
    .update(`v0:${timestamp}:${body}`)
    .digest('hex')
  return {
    'Content-Type': 'application/x-www-form-urlencoded',
    'X-Slack-Request-Timestamp': timestamp,
    'X-Slack-Signature': `v0=${mac}`,
  }
}

export interface SlackAnswer {
  readonly status: number
  readonly json: { response_type?: string; text?: string; error?: string }
}

export async function post(
  relayUrl: string,
  body: string,
  headers: Record<string, string> = signedHeaders(body),
): Promise<SlackAnswer> {
  const res = await fetch(`${relayUrl}/slack/commands`, { method: 'POST', headers, body })
  return { status: res.status, json: (await res.json()) as SlackAnswer['json'] }
}

/** Alerts in the simulator created through the Slack route (the relay tags them `slack`). */
export function slackAlerts(sim: RunningSimulator): { alias: string; count: number }[] {
  return [...sim.state.alerts.values()].filter((a) => a.tags.includes('slack'))
}
