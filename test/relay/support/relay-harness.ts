import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { connectSse, type SseConnection, type SseMessage } from '../../../bench/relay-sse-client.js'
import {
  openTokenStore,
  startRelay,
  WEBHOOK_SECRET_HEADER,
  type RelayOptions,
  type RunningRelay,
} from '../../../src/relay/index.js'
import { readZulipFixture, zulipFixtureFiles } from '../../fixtures/opsgenie/paths'

/** Every real Opsgenie fixture, as raw text exactly as on disk (throws if any is missing). */
export function fixtures(): { name: string; body: string }[] {
  return zulipFixtureFiles().map((name) => ({ name, body: readZulipFixture(name) }))
}

export interface TestRelay {
  readonly relay: RunningRelay
  readonly dataDir: string
  readonly secret: string
  readonly token: string
  post(
    body: string | Uint8Array<ArrayBuffer>,
    headers?: Record<string, string>,
  ): Promise<{ status: number; json: Record<string, unknown> }>
  sse(lastEventId?: number | string, token?: string): Promise<SseConnection>
  close(): Promise<void>
}

export async function startTestRelay(options: Partial<RelayOptions> = {}): Promise<TestRelay> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'ondeck-relay-'))
  const secret = 'test-secret-0123456789abcdef'
  const tokens = openTokenStore(dataDir)
  const token = tokens.create(`device-${Math.random().toString(36).slice(2, 8)}`)
  tokens.close()
  const relay = await startRelay({ dataDir, webhookSecret: secret, port: 0, ...options })
  return {
    relay,
    dataDir,
    secret,
    token,
    async post(body, headers = { [WEBHOOK_SECRET_HEADER]: secret }) {
      const res = await fetch(`${relay.url}/webhooks/opsgenie`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers },
        body,
      })
      return { status: res.status, json: (await res.json()) as Record<string, unknown> }
    },
    sse(lastEventId, useToken = token) {
      const headers: Record<string, string> = { Authorization: `Bearer ${useToken}` }
      if (lastEventId !== undefined) headers['Last-Event-ID'] = String(lastEventId)
      return connectSse(`${relay.url}/events`, headers)
    },
    async close() {
      await relay.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/** Polls `check` every 10 ms until it returns true; fails after `timeoutMs`. */
export async function pollUntil(
  check: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 5000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

export async function waitForMessages(
  conn: SseConnection,
  count: number,
  timeoutMs = 5000,
): Promise<SseMessage[]> {
  await pollUntil(
    () => conn.messages.length >= count,
    `${count} SSE messages (have ${conn.messages.length})`,
    timeoutMs,
  )
  return conn.messages
}

export interface EventData {
  id: number
  receivedAt: string
  action: string
  alertId: string
  dedupKey: string
  repeat: boolean
  payload: string
}

export function eventData(message: SseMessage): EventData {
  return JSON.parse(message.data) as EventData
}

export async function metricsText(relay: RunningRelay): Promise<string> {
  return (await fetch(`${relay.url}/metrics`)).text()
}

export function metricValue(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `))
  return line === undefined ? undefined : Number(line.slice(series.length + 1))
}
