import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningSimulator } from '../../../../src/simulator/index'
import { runDoctor } from '../../../../src/main/gateway/doctor/run-doctor'
import { DOCTOR_MESSAGE, DOCTOR_TAG } from '../../../../src/main/gateway/doctor/write-check'
import { startSim } from '../provider/opsgenie/support'

let sim: RunningSimulator
let dir: string

beforeAll(async () => {
  sim = await startSim()
  dir = await mkdtemp(join(tmpdir(), 'ondeck-doctor-'))
})
afterAll(async () => {
  await sim.close()
  await rm(dir, { recursive: true, force: true })
})

async function doctor(
  apiKey: string,
  write = false,
): Promise<{ ok: boolean; failures: readonly string[]; lines: string[] }> {
  const lines: string[] = []
  const result = await runDoctor({ host: sim.url, apiKey, write, waitTimeoutMs: 5000 }, (line) =>
    lines.push(line),
  )
  return { ...result, lines }
}

describe('runDoctor', () => {
  it('read-only: reports kind, account, APIs and rate-limit state, creates nothing', async () => {
    const before = sim.state.alerts.size
    const { ok, lines } = await doctor('k-global')
    const text = lines.join('\n')
    expect(ok).toBe(true)
    expect(text).toContain('Key kind: global API integration key')
    expect(text).toMatch(/Account: .+, plan Enterprise/)
    expect(text).toMatch(/alerts, read \(GET \/v2\/alerts\): answers/)
    expect(text).toMatch(/incidents \(GET \/v1\/incidents\): answers/)
    expect(text).toContain('Rate limit: state OK')
    expect(text).toContain('OK: every check passed.')
    expect(text).not.toContain('k-global')
    await sim.flushWebhooks()
    expect(sim.state.alerts.size).toBe(before)
  })

  it('--write: creates, acknowledges, notes and closes one tagged alert, each confirmed', async () => {
    const { ok, lines } = await doctor('k-global', true)
    expect(ok, lines.join('\n')).toBe(true)
    for (const step of ['create test alert', 'acknowledge it', 'add a note', 'close it']) {
      expect(lines.some((l) => l.includes(`ok   ${step}: `))).toBe(true)
    }
    const tagged = [...sim.state.alerts.values()].filter((a) => a.tags.includes(DOCTOR_TAG))
    expect(tagged).toHaveLength(1)
    expect(tagged[0]).toMatchObject({
      message: DOCTOR_MESSAGE,
      status: 'closed',
      acknowledged: true,
    })
    expect(tagged[0]?.notes.map((n) => n.note)).toContain('Ondeck doctor: note check')
  })

  it('--write with an account-level key fails at create, naming the step', async () => {
    const { ok, failures, lines } = await doctor('k-account', true)
    expect(ok).toBe(false)
    expect(lines.join('\n')).toContain('Key kind: account-level')
    expect(failures).toHaveLength(1)
    expect(failures[0]).toMatch(
      /^write check, create test alert: the API key is not allowed to do this \(403\)/,
    )
    expect(lines.at(-1)).toBe('FAILED (1): write check, create test alert')
  })

  it('a wrong key fails with one clear line', async () => {
    const { ok, lines } = await doctor('k-nope')
    expect(ok).toBe(false)
    expect(lines).toHaveLength(2)
    expect(lines[1]).toMatch(/^FAILED: the API key was rejected \(401\)/)
  })

  it('an unreachable host fails, naming each check that broke', async () => {
    const gone = await startSim({ seed: 'empty' })
    await gone.close()
    const lines: string[] = []
    const result = await runDoctor({ host: gone.url, apiKey: 'k-global', timeoutMs: 2000 }, (l) =>
      lines.push(l),
    )
    expect(result.ok).toBe(false)
    expect(result.failures.map((f) => f.split(':', 1)[0])).toEqual([
      'account',
      'requestLimits',
      'alerts',
      'alertWrites',
      'incidents',
      'services',
      'schedules',
    ])
    expect(lines.at(-1)).toMatch(/^FAILED \(7\): account, requestLimits/)
  })
})

describe('the doctor CLI (spawned with tsx)', () => {
  const root = resolve(import.meta.dirname, '../../../..')
  const run = (args: string[]): Promise<{ code: number; stdout: string; stderr: string }> =>
    new Promise((done) => {
      execFile(
        process.execPath,
        ['--import', 'tsx', 'src/main/gateway/doctor/cli.ts', ...args],
        { cwd: root, timeout: 30_000 },
        (error, stdout, stderr) => {
          done({
            code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1,
            stdout,
            stderr,
          })
        },
      )
    })

  it('runs against the simulator, never printing the key, and refuses bad arguments', async () => {
    const keyFile = join(dir, 'key')
    await writeFile(keyFile, '  k-global\n')
    const [good, bad, usage] = await Promise.all([
      run(['--host', sim.url, '--api-key-file', keyFile]),
      run(['--host', sim.url, '--api-key-file', join(dir, 'missing')]),
      run(['--host', 'mars', '--api-key-file', keyFile]),
    ])
    expect(good.stderr).toBe('')
    expect(good.code).toBe(0)
    expect(good.stdout).toContain('OK: every check passed.')
    expect(good.stdout).not.toContain('k-global')
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('cannot read the API key file')
    expect(usage.code).toBe(2)
    expect(usage.stderr).toMatch(/invalid Opsgenie host "mars"[\s\S]*usage: npm run doctor/)
  })
})
