import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseJsmDoctorArgs, providerOf } from '../../../../src/main/gateway/doctor/jsm-args'
import { runJsmDoctor } from '../../../../src/main/gateway/doctor/jsm-doctor'
import { DOCTOR_TAG } from '../../../../src/main/gateway/doctor/write-check'
import type { RunningJsmSimulator } from '../../../../src/simulator/jsm/index'
import { EMAIL, TOKEN, startJsm } from '../provider/jsm/support'

let sim: RunningJsmSimulator
let dir: string

beforeAll(async () => {
  sim = await startJsm({
    accounts: [
      { email: EMAIL, apiToken: TOKEN },
      {
        email: 'viewer@example.com',
        apiToken: 'viewer-token',
        forbidden: ['POST /jsm/ops/api/', 'POST /rest/api/3/issue'],
      },
    ],
  })
  dir = await mkdtemp(join(tmpdir(), 'ondeck-jsm-doctor-'))
})
afterAll(async () => {
  await sim.close()
  await rm(dir, { recursive: true, force: true })
})

async function doctor(email: string, apiToken: string, write = false, incidentProject?: string) {
  const lines: string[] = []
  const result = await runJsmDoctor(
    {
      site: sim.url,
      apiUrl: sim.url,
      email,
      apiToken,
      write,
      waitTimeoutMs: 5000,
      ...(incidentProject ? { incidentProject } : {}),
    },
    (l) => lines.push(l),
  )
  return { ...result, text: lines.join('\n') }
}

describe('doctor --provider jsm', () => {
  it('finds the cloud id, checks every capability and, with --write, acts on one tagged alert', async () => {
    const { ok, text, cloudId, steps } = await doctor(EMAIL, TOKEN, true, 'OPS')
    expect(ok).toBe(true)
    expect(cloudId).toBe(sim.cloudId)
    expect(text).toContain('create / transition incident issues: yes / yes')
    expect(steps.map((s) => s.step)).toEqual([
      'create test alert',
      'acknowledge',
      'add note',
      'close',
    ])
    const made = [...sim.state.alerts.values()].find((a) => a.tags.includes(DOCTOR_TAG))
    expect(made).toMatchObject({ status: 'closed', acknowledged: true })
    expect(text).not.toContain(TOKEN)
  })

  it('says in plain words what a user without roles cannot do, and fails', async () => {
    const { ok, text } = await doctor('viewer@example.com', 'viewer-token', false, 'OPS')
    expect(ok).toBe(false)
    expect(text).toContain('What will not work:')
    expect(text).toMatch(/refused a test acknowledgement/)
    expect(text).toMatch(/may not create issues in OPS/)
  })

  it('fails on a wrong token, and on a site that is not a Jira site', async () => {
    expect((await doctor(EMAIL, 'wrong')).text).toMatch(
      /FAILED: JSM did not accept the e-mail and API token/,
    )
    const lines: string[] = []
    const r = await runJsmDoctor(
      { site: `${sim.url}/nowhere`, apiUrl: sim.url, email: EMAIL, apiToken: TOKEN },
      (l) => lines.push(l),
    )
    expect(r.ok).toBe(false)
    expect(lines.join('\n')).toMatch(/did not say its cloud id/)
  })

  it('parses its arguments: https or loopback only, api URL defaulting to api.atlassian.com', () => {
    expect(providerOf(['--provider', 'jsm'])).toBe('jsm')
    expect(providerOf(['--host', 'us'])).toBe('opsgenie')
    const base = ['--provider', 'jsm', '--email', 'a@b.c', '--api-token-file', 'f']
    expect(parseJsmDoctorArgs([...base, '--site', 'https://x.atlassian.net'])).toMatchObject({
      apiUrl: 'https://api.atlassian.com',
    })
    expect(() => parseJsmDoctorArgs([...base, '--site', 'http://x.atlassian.net'])).toThrow(/https/)
    expect(() =>
      parseJsmDoctorArgs(['--provider', 'jsm', '--site', 'https://x.atlassian.net']),
    ).toThrow(/--email/)
  })

  it('runs as npm run doctor does: exit 0 with a token file, 2 on a bad command line', async () => {
    const file = join(dir, 'token')
    await writeFile(file, `${TOKEN}\n`, { mode: 0o600 })
    const root = resolve(import.meta.dirname, '../../../..')
    const run = (args: string[]) =>
      new Promise<{ code: number; stdout: string; stderr: string }>((done) => {
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
    const good = await run([
      '--provider',
      'jsm',
      '--site',
      sim.url,
      '--api-url',
      sim.url,
      '--email',
      EMAIL,
      '--api-token-file',
      file,
    ])
    expect(good.stdout).toContain('OK: every check passed.')
    expect(good.code).toBe(0)
    const bad = await run(['--provider', 'jsm', '--site', sim.url])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('--email is required')
  })
})
