import { parseArgs } from 'node:util'
import { startSimulator } from './index'
import { startJsmSimulator } from './jsm/index'

const USAGE = `usage: npm run simulator -- --port 4010 --api-key <key> [--seed demo|empty]
  [--webhook-url <url> [--webhook-header "Name: value"]...] [--processing-delay-ms N] [--trickle-ms N] [--host 127.0.0.1]
       npm run simulator -- --provider jsm --port 4010 --email <e-mail> --api-token <token> --cloud-id <id>
  [--seed demo|empty] [--webhook-url <url> [--webhook-header "Name: value"]...] [--processing-delay-ms N] [--trickle-ms N]`

function fail(message: string): never {
  process.stderr.write(`simulator: ${message}\n${USAGE}\n`)
  process.exit(2)
}

function nonNegativeInt(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback
  if (!/^\d+$/.test(raw)) fail(`--${name} must be a non-negative integer, got '${raw}'`)
  return Number(raw)
}

function headerPairs(list: string[]): Record<string, string> {
  const headers: Record<string, string> = {}
  for (const item of list) {
    const at = item.indexOf(':')
    const name = item.slice(0, at).trim()
    if (at < 1 || !/^[A-Za-z0-9-]+$/.test(name))
      fail(`--webhook-header must look like "Name: value", got '${item}'`)
    headers[name] = item.slice(at + 1).trim()
  }
  return headers
}

async function main(): Promise<void> {
  let values
  try {
    ;({ values } = parseArgs({
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        'api-key': { type: 'string', multiple: true },
        provider: { type: 'string' },
        email: { type: 'string' },
        'api-token': { type: 'string' },
        'cloud-id': { type: 'string' },
        seed: { type: 'string' },
        'webhook-url': { type: 'string' },
        'webhook-header': { type: 'string', multiple: true },
        'processing-delay-ms': { type: 'string' },
        'trickle-ms': { type: 'string' },
        help: { type: 'boolean' },
      },
      strict: true,
    }))
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error))
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`)
    return
  }
  const port = nonNegativeInt('port', values.port, 4010)
  if (port > 65535) fail(`--port must be at most 65535, got ${port}`)
  const provider = values.provider ?? 'opsgenie'
  if (provider !== 'opsgenie' && provider !== 'jsm')
    fail(`--provider must be opsgenie or jsm, got '${provider}'`)
  const keys = values['api-key'] ?? []
  if (provider === 'opsgenie' && keys.length === 0) fail('--api-key is required')
  if (provider === 'jsm' && (!values.email || !values['api-token'] || !values['cloud-id']))
    fail('--provider jsm needs --email, --api-token and --cloud-id')
  const seed = values.seed ?? 'empty'
  if (seed !== 'demo' && seed !== 'empty') fail(`--seed must be demo or empty, got '${seed}'`)
  const headers = headerPairs(values['webhook-header'] ?? [])
  const webhookUrl = values['webhook-url']
  if (webhookUrl !== undefined && !/^https?:\/\//.test(webhookUrl))
    fail(`--webhook-url must be an http(s) URL, got '${webhookUrl}'`)
  if (webhookUrl === undefined && Object.keys(headers).length > 0)
    fail('--webhook-header needs --webhook-url')
  const trickleMs = nonNegativeInt('trickle-ms', values['trickle-ms'], 0)
  const processingDelayMs = nonNegativeInt('processing-delay-ms', values['processing-delay-ms'], 0)
  const webhook = webhookUrl ? { url: webhookUrl, headers } : undefined
  if (provider === 'jsm') {
    const jsm = await startJsmSimulator({
      port,
      host: values.host ?? '127.0.0.1',
      accounts: [{ email: values.email ?? '', apiToken: values['api-token'] ?? '' }],
      cloudId: values['cloud-id'] ?? '',
      seed,
      processingDelayMs,
      trickleMs: trickleMs > 0 ? trickleMs : undefined,
      webhook,
    })
    process.stdout.write(`JSM Ops simulator listening on ${jsm.url} (cloudId ${jsm.cloudId})\n`)
    stopOnSignal(() => jsm.close())
    return
  }
  const sim = await startSimulator({
    port,
    host: values.host ?? '127.0.0.1',
    keys: keys.map((key) => ({ key, kind: 'global' })),
    seed,
    processingDelayMs,
    trickleMs: trickleMs > 0 ? trickleMs : undefined,
    webhook,
  })
  process.stdout.write(`Opsgenie simulator listening on ${sim.url}\n`)
  stopOnSignal(() => sim.close())
}

function stopOnSignal(close: () => Promise<void>): void {
  const stop = (): void => {
    void close().then(() => process.exit(0))
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

main().catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)))
