import { spawn } from 'node:child_process'
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { build } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connectSse } from '../../bench/relay-sse-client.js'

const ROOT = join(import.meta.dirname, '../..')
const work = mkdtempSync(join(tmpdir(), 'ondeck-relay-bundle-'))
const deploy = join(work, 'deploy')
const secretFile = join(work, 'secret')
const data = join(work, 'data')

/**
 * The packages better-sqlite3 loads at run time (its `bindings` lookup), linked into the deploy
 * folder's node_modules as `npm install --omit=dev` would install them. Nothing else is there, so
 * a bundle that still needed zod, tsx or any devDependency would fail to start.
 */
const RUNTIME_PACKAGES = ['better-sqlite3', 'bindings', 'file-uri-to-path']

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [join(deploy, 'relay.mjs'), ...args], { cwd: deploy })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()))
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })))
}

beforeAll(async () => {
  const out = join(work, 'out')
  await build({
    configFile: join(ROOT, 'relay.vite.config.ts'),
    build: { outDir: out, sourcemap: false },
    logLevel: 'silent',
  })
  mkdirSync(join(deploy, 'node_modules'), { recursive: true })
  cpSync(join(out, 'relay.mjs'), join(deploy, 'relay.mjs'))
  cpSync(join(out, 'package.json'), join(deploy, 'package.json'))
  const require = createRequire(join(ROOT, 'package.json'))
  for (const name of RUNTIME_PACKAGES) {
    const manifest = realpathSync(require.resolve(`${name}/package.json`))
    symlinkSync(dirname(manifest), join(deploy, 'node_modules', name), 'dir')
  }
  writeFileSync(secretFile, 'bundle-test-secret-0123456789\n')
}, 120_000)

afterAll(() => rmSync(work, { recursive: true, force: true }))

describe('the built relay bundle (npm run build:relay)', () => {
  it('ships a production package.json whose only dependency is better-sqlite3', () => {
    const manifest = JSON.parse(readFileSync(join(deploy, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>
      devDependencies?: unknown
      type: string
    }
    expect(Object.keys(manifest.dependencies)).toEqual(['better-sqlite3'])
    expect(manifest.devDependencies).toBeUndefined()
    expect(manifest.type).toBe('module')
  })

  it('runs with plain node: token create, serve, /healthz, one webhook, one stream', async () => {
    const created = await run(['token', 'create', '--data', data, '--name', 'desk'])
    expect(created.stderr).toMatch(/shown only once/)
    expect(created.code).toBe(0)
    const token = created.stdout.trim()

    const child = spawn(
      process.execPath,
      [
        join(deploy, 'relay.mjs'),
        'serve',
        '--port',
        '0',
        '--data',
        data,
        '--webhook-secret-file',
        secretFile,
      ],
      { cwd: deploy },
    )
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve))
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let output = ''
        const collect = (chunk: Buffer): void => {
          output += chunk.toString()
          const found = /listening on (http:\/\/\S+)/.exec(output)?.[1]
          if (found !== undefined) resolve(found)
        }
        child.stdout.on('data', collect)
        child.stderr.on('data', collect)
        child.on('exit', (code) => reject(new Error(`relay exited ${code}:\n${output}`)))
      })

      const health = await fetch(`${url}/healthz`)
      expect(health.status).toBe(200)

      const stream = await connectSse(`${url}/events`, { Authorization: `Bearer ${token}` })
      expect(stream.status).toBe(200)
      const received = new Promise<string>((resolve) => {
        stream.onMessage = (message) => resolve(message.data)
      })
      const body = JSON.stringify({
        action: 'Create',
        alert: { alertId: 'bundle-alert-1', message: 'from the bundle test', updatedAt: 1 },
      })
      const posted = await fetch(`${url}/webhooks/opsgenie`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'X-Ondeck-Webhook-Secret': 'bundle-test-secret-0123456789',
        },
        body,
      })
      expect(posted.status).toBeLessThan(300)
      expect(await received).toContain('bundle-alert-1')
      stream.close()
    } finally {
      child.kill('SIGTERM')
      expect(await exited).toBe(0)
    }
  })
})
