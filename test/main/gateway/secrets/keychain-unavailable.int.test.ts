import { spawnSync } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { filesContaining, runWithoutKeychain, type ChildRun } from './fixtures/run-without-keychain'

const NO_KEYCHAIN_MESSAGE =
  'No system keychain is available (Secret Service over D-Bus). Ondeck will not store your API key in plain text. ' +
  'Install and unlock gnome-keyring or KWallet, then try again.'
const hasDbusRunSession = spawnSync('dbus-run-session', ['--version']).status === 0
const roots: string[] = []

afterAll(async () => {
  await Promise.all(roots.map((root) => rm(root, { recursive: true, force: true })))
})

async function run(
  secret: string,
  env?: Record<string, string>,
  wrap?: string[],
): Promise<ChildRun> {
  const result = await runWithoutKeychain(secret, env, wrap)
  roots.push(result.root)
  return result
}

describe('keytar secret store with no keychain backend (child process)', () => {
  it('finds a planted value, so the search for leaks below can fail', async () => {
    const root = await mkdtemp(join(tmpdir(), 'ondeck-grep-check-'))
    roots.push(root)
    await mkdir(join(root, 'a', 'b'), { recursive: true })
    await writeFile(join(root, 'a', 'b', 'f.bin'), Buffer.from('xx planted-secret yy'))
    expect(await filesContaining(root, 'planted-secret')).toEqual([join(root, 'a', 'b', 'f.bin')])
  })

  const cases: Array<[string, Record<string, string>]> = [
    ['no D-Bus session and no DISPLAY', {}],
    [
      'a D-Bus address pointing nowhere',
      { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/ondeck-bus' },
    ],
  ]
  for (const [label, env] of cases) {
    it(`with ${label}: reports unavailable, refuses to store, writes the key nowhere`, async () => {
      const secret = `ondeck-secret-${randomUUID()}`
      const { root, outcome, output } = await run(secret, env)
      expect(outcome.status).toMatchObject({
        available: false,
        reason: NO_KEYCHAIN_MESSAGE,
        code: 'no-dbus',
      })
      expect(outcome.set).toEqual({
        ok: false,
        keychainUnavailable: true,
        name: 'KeychainUnavailableError',
        message: NO_KEYCHAIN_MESSAGE,
        reason: 'no-dbus',
      })
      expect(outcome.get).toMatchObject({ ok: false, keychainUnavailable: true })
      expect(output).not.toContain(secret)
      expect(await filesContaining(root, secret)).toEqual([])
    })
  }

  it.skipIf(!hasDbusRunSession)(
    'with a D-Bus session but no unlocked keyring: reports it, refuses to store, writes the key nowhere',
    async () => {
      const secret = `ondeck-secret-${randomUUID()}`
      const { root, outcome, output } = await run(secret, {}, ['dbus-run-session', '--'])
      // gnome-keyring gets bus-activated but has no unlocked default keyring ('locked'); without
      // gnome-keyring installed nothing provides the Secret Service ('no-secret-service').
      expect(outcome.status.available).toBe(false)
      expect(['locked', 'no-secret-service']).toContain(outcome.status.code)
      expect(outcome.status.reason).toContain('Ondeck will not store your API key in plain text.')
      expect(outcome.set).toMatchObject({
        ok: false,
        keychainUnavailable: true,
        name: 'KeychainUnavailableError',
      })
      expect(output).not.toContain(secret)
      expect(await filesContaining(root, secret)).toEqual([])
    },
  )
})
