import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { connectSse } from '../../bench/relay-sse-client.js'
import { runRelayCli, startRelayProcess } from './support/relay-process.js'

const dir = mkdtempSync(join(tmpdir(), 'ondeck-relay-cli-'))
const data = join(dir, 'data')
const secretFile = join(dir, 'secret')
writeFileSync(secretFile, 'cli-test-secret-0123456789\n')
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('relay CLI', () => {
  it('creates, lists and revokes device tokens, and serve honours them', async () => {
    const created = await runRelayCli(['token', 'create', '--data', data, '--name', 'laptop'])
    expect(created.code).toBe(0)
    const token = created.stdout.trim()
    expect(token).toMatch(/^odr_[\w-]{43}$/)
    const duplicate = await runRelayCli(['token', 'create', '--data', data, '--name', 'laptop'])
    expect(duplicate.code).not.toBe(0)
    expect(duplicate.stderr).toMatch(/already exists/)

    const listed = await runRelayCli(['token', 'list', '--data', data])
    expect(listed.stdout).toMatch(/^laptop\t\d{4}-\d\d-\d\dT/)
    expect(listed.stdout).not.toContain(token) // only the hash is stored, never shown again

    const relay = await startRelayProcess([
      '--port',
      '0',
      '--data',
      data,
      '--webhook-secret-file',
      secretFile,
    ])
    try {
      expect(relay.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
      const ok = await connectSse(`${relay.url}/events`, { Authorization: `Bearer ${token}` })
      expect(ok.status).toBe(200)
      ok.close()
      const revoked = await runRelayCli(['token', 'revoke', '--data', data, '--name', 'laptop'])
      expect(revoked).toMatchObject({ code: 0, stdout: 'revoked "laptop"\n' })
      const refused = await connectSse(`${relay.url}/events`, { Authorization: `Bearer ${token}` })
      expect(refused.status).toBe(401)
      refused.close()
    } finally {
      relay.child.kill('SIGTERM')
      await relay.exited
    }
    const again = await runRelayCli(['token', 'revoke', '--data', data, '--name', 'laptop'])
    expect(again.code).toBe(2)
    expect(again.stderr).toMatch(/no token named "laptop"/)
    expect((await runRelayCli(['token', 'list', '--data', data])).stdout).toBe('')
  })

  it('cuts a stream at once when another process revokes its token', async () => {
    const created = await runRelayCli(['token', 'create', '--data', data, '--name', 'desk'])
    const token = created.stdout.trim()
    // The default 15 s heartbeat: the cut must not wait for it.
    const relay = await startRelayProcess([
      '--port',
      '0',
      '--data',
      data,
      '--webhook-secret-file',
      secretFile,
    ])
    try {
      const stream = await connectSse(`${relay.url}/events`, { Authorization: `Bearer ${token}` })
      expect(stream.status).toBe(200)
      let cut = false
      void stream.ended.then(() => (cut = true))
      const revoked = await runRelayCli(['token', 'revoke', '--data', data, '--name', 'desk'])
      expect(revoked.code).toBe(0)
      const revokedAt = Date.now()
      await expect.poll(() => cut, { timeout: 3000, interval: 20 }).toBe(true)
      expect(Date.now() - revokedAt).toBeLessThan(3000)
    } finally {
      relay.child.kill('SIGTERM')
      await relay.exited
    }
  })

  // Thirteen relay processes start at once through tsx: about 11 s on a quiet 2-core machine,
  // several times that while the rest of the suite runs beside it.
  it('rejects bad serve configuration with a clear message', async () => {
    const shortSecret = join(dir, 'short')
    writeFileSync(shortSecret, 'abc\n')
    const cases: [string[], RegExp][] = [
      [['--data', data, '--webhook-secret-file', secretFile], /--port is required/],
      [
        ['--port', 'http', '--data', data, '--webhook-secret-file', secretFile],
        /--port must be a whole number/,
      ],
      [
        ['--port', '70000', '--data', data, '--webhook-secret-file', secretFile],
        /--port must be at most 65535/,
      ],
      [['--port', '0', '--webhook-secret-file', secretFile], /--data <dir> is required/],
      [['--port', '0', '--data', data], /--webhook-secret-file <file> is required/],
      [
        ['--port', '0', '--data', data, '--webhook-secret-file', join(dir, 'nope')],
        /cannot read --webhook-secret-file .*ENOENT/,
      ],
      [
        ['--port', '0', '--data', data, '--webhook-secret-file', shortSecret],
        /has 3 characters; use at least 16/,
      ],
      [
        ['--port', '0', '--data', secretFile, '--webhook-secret-file', secretFile],
        /exists and is not a folder/,
      ],
      [
        [
          '--port',
          '0',
          '--data',
          data,
          '--webhook-secret-file',
          secretFile,
          '--retention-hours',
          '1',
        ],
        /at least 72/,
      ],
      [
        ['--port', '0', '--data', data, '--webhook-secret-file', secretFile, '--bogus', 'x'],
        /Unknown option '--bogus'/,
      ],
    ]
    const taken = createServer()
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve))
    const busyPort = String((taken.address() as AddressInfo).port)
    cases.push([
      ['--port', busyPort, '--data', data, '--webhook-secret-file', secretFile],
      /cannot listen on 127\.0\.0\.1:\d+ \(EADDRINUSE\)/,
    ])
    const results = await Promise.all(cases.map(([args]) => runRelayCli(['serve', ...args])))
    taken.close()
    results.forEach((result, i) => {
      expect(result.code, cases[i]?.[0].join(' ')).toBe(2)
      expect(result.stderr).toMatch(cases[i]?.[1] ?? /never/)
    })
    expect((await runRelayCli([])).stderr).toMatch(/no command given[\s\S]*usage:/)
    const unknown = await runRelayCli(['tokens'])
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toMatch(/unknown command "tokens"[\s\S]*usage:/)
  }, 180_000)
})
