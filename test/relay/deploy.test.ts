import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { parseServeArgs } from '../../src/relay/config.js'

const DEPLOY = join(import.meta.dirname, '../../src/relay/deploy')
const work = mkdtempSync(join(tmpdir(), 'ondeck-relay-deploy-'))
const secret = join(work, 'secret')
writeFileSync(secret, 'deploy-test-secret-0123456789\n')
afterAll(() => rmSync(work, { recursive: true, force: true }))

/** The deployed paths, swapped for this test's own so the real parser can read them. */
function localise(args: string[]): string[] {
  return args.map((arg) =>
    arg === '/etc/ondeck-relay/webhook-secret' || arg === '/run/secrets/webhook-secret'
      ? secret
      : arg === '/var/lib/ondeck-relay' || arg === '/data'
        ? join(work, 'data')
        : arg,
  )
}

function directives(unit: string, key: string): string[] {
  return unit
    .split('\n')
    .filter((line) => line.startsWith(`${key}=`))
    .map((line) => line.slice(key.length + 1))
}

describe('relay deployment recipes', () => {
  const unit = readFileSync(join(DEPLOY, 'ondeck-relay.service'), 'utf8')

  it('the systemd unit starts the bundle with flags the relay accepts', () => {
    const [execStart] = directives(unit, 'ExecStart')
    const [node, bundle, command, ...args] = execStart?.split(/\s+/) ?? []
    expect([node, bundle, command]).toEqual([
      '/usr/bin/node',
      '/opt/ondeck-relay/relay.mjs',
      'serve',
    ])
    const config = parseServeArgs(localise(args))
    expect(config.host).toBe('127.0.0.1')
    expect(config.dataDir).toBe(join(work, 'data'))
    expect(directives(unit, 'StateDirectory')).toEqual(['ondeck-relay'])
  })

  it('the systemd unit is hardened: own user, read-only system, private state', () => {
    for (const [key, value] of [
      ['User', 'ondeck-relay'],
      ['ProtectSystem', 'strict'],
      ['ProtectHome', 'yes'],
      ['NoNewPrivileges', 'yes'],
      ['StateDirectoryMode', '0700'],
      ['UMask', '0077'],
      ['CapabilityBoundingSet', ''],
    ] as const) {
      expect(directives(unit, key), key).toEqual([value])
    }
    // V8 needs writable executable memory; this setting would kill the relay at start.
    expect(directives(unit, 'MemoryDenyWriteExecute')).toEqual([])
  })

  it('the container runs the bundle unprivileged with flags the relay accepts', () => {
    const dockerfile = readFileSync(join(DEPLOY, 'Dockerfile'), 'utf8')
    const json = (instruction: string): string[] => {
      const line = dockerfile.split('\n').find((l) => l.startsWith(`${instruction} [`))
      return JSON.parse(line?.slice(instruction.length + 1) ?? '[]') as string[]
    }
    expect(json('ENTRYPOINT')).toEqual(['node', '/app/relay.mjs'])
    const [command, ...args] = json('CMD')
    expect(command).toBe('serve')
    expect(parseServeArgs(localise(args)).port).toBe(8787)
    expect(dockerfile).toMatch(/^USER node$/m)
    expect(dockerfile).toMatch(/RUN npm run build:relay/)
  })
})
