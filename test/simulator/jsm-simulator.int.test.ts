import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startJsmSimulator, type RunningJsmSimulator } from '../../src/simulator/jsm/index'
import { startReceiver } from './webhook-receiver'

const ROOT = resolve(import.meta.dirname, '../..')
const CLOUD = '11111111-2222-3333-4444-555555555555'
const auth = (email = 'me@example.com', token = 't0ken'): Record<string, string> => ({
  Authorization: `Basic ${Buffer.from(`${email}:${token}`).toString('base64')}`,
  'Content-Type': 'application/json',
})

describe('JSM simulator mode', () => {
  let sim: RunningJsmSimulator
  let receiver: Awaited<ReturnType<typeof startReceiver>>
  const ops = (path: string): string => `${sim.url}/jsm/ops/api/${CLOUD}/v1${path}`

  beforeAll(async () => {
    receiver = await startReceiver()
    sim = await startJsmSimulator({
      accounts: [{ email: 'me@example.com', apiToken: 't0ken' }],
      cloudId: CLOUD,
      seed: 'demo',
      webhook: { url: receiver.url },
    })
  })
  afterAll(async () => {
    await sim.close()
    await receiver.close()
  })

  it('answers tenant_info without credentials and refuses everything else without them', async () => {
    expect(await (await fetch(`${sim.url}/_edge/tenant_info`)).json()).toEqual({ cloudId: CLOUD })
    const refused = await fetch(ops('/alerts'))
    expect(refused.status).toBe(401)
    expect(await refused.json()).toMatchObject({ code: 401 })
    expect((await fetch(ops('/alerts'), { headers: auth('me@example.com', 'wrong') })).status).toBe(
      401,
    )
    expect(
      (await fetch(`${sim.url}/jsm/ops/api/other-cloud/v1/alerts`, { headers: auth() })).status,
    ).toBe(404)
  })

  it('pages alerts with offset/size and links.next, and errors as {errors:[{title, code}]}', async () => {
    const first = (await (await fetch(ops('/alerts?size=10'), { headers: auth() })).json()) as {
      values: unknown[]
      count: number
      links: { next?: string }
    }
    expect(first.values).toHaveLength(10)
    expect(first.count).toBe(24)
    expect(first.links.next).toBe('/v1/alerts?offset=10&size=10')
    const bad = await fetch(ops('/alerts?size=500'), { headers: auth() })
    expect(bad.status).toBe(400)
    expect(await bad.json()).toEqual({
      errors: [{ title: 'size must be between 1 and 100', code: 'BAD_REQUEST' }],
    })
  })

  it('sends Opsgenie-shaped alert action data on an acknowledgement (the relay reads it unchanged)', async () => {
    const alert = [...sim.state.alerts.values()].find((a) => !a.acknowledged && a.status === 'open')
    const res = await fetch(ops(`/alerts/${alert?.id ?? ''}/acknowledge`), {
      method: 'POST',
      headers: auth(),
    })
    expect(res.status).toBe(202)
    await sim.flushWebhooks()
    const last = JSON.parse(receiver.received.at(-1)?.text ?? '{}') as {
      action?: string
      alert?: { alertId?: string; username?: string }
    }
    expect(last).toMatchObject({
      action: 'Acknowledge',
      alert: { alertId: alert?.id, username: 'me@example.com' },
    })
  })

  it('limits a site with Atlassian headers: 429 with Retry-After, X-RateLimit-* on every answer', async () => {
    sim.setRateLimit({ limit: 2, windowMs: 60_000 })
    const a = await fetch(ops('/teams'), { headers: auth() })
    expect(a.headers.get('x-ratelimit-limit')).toBe('2')
    expect(a.headers.get('x-ratelimit-remaining')).toBe('1')
    await fetch(ops('/teams'), { headers: auth() })
    const over = await fetch(ops('/teams'), { headers: auth() })
    expect(over.status).toBe(429)
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(Date.parse(over.headers.get('x-ratelimit-reset') ?? '')).toBeGreaterThan(Date.now())
    sim.setRateLimit({ limit: 100_000, windowMs: 60_000 })
  })

  it('runs from the CLI with --provider jsm and exits cleanly', async () => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'src/simulator/cli.ts',
        '--provider',
        'jsm',
        '--port',
        '0',
        '--email',
        'cli@example.com',
        '--api-token',
        'cli',
        '--cloud-id',
        CLOUD,
        '--seed',
        'demo',
      ],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    )
    let out = ''
    const url = await new Promise<string>((ok, fail) => {
      const timer = setTimeout(() => fail(new Error(`no URL printed: ${out}`)), 20_000)
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString()
        const m = /JSM Ops simulator listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)
        if (m?.[1]) {
          clearTimeout(timer)
          ok(m[1])
        }
      })
    })
    const teams = (await (
      await fetch(`${url}/jsm/ops/api/${CLOUD}/v1/teams`, {
        headers: auth('cli@example.com', 'cli'),
      })
    ).json()) as { platformTeams: unknown[] }
    expect(teams.platformTeams).toHaveLength(5)
    const exited = once(child, 'exit')
    child.kill('SIGTERM')
    expect((await exited)[0]).toBe(0)
  })
})
