import { randomUUID } from 'node:crypto'
import { createGovernor } from '../governor'
import { createJsmClient, createJsmProvider, discoverCloudId, type JsmProbe } from '../provider/jsm'
import { checkJsm, jsmCapabilities } from '../provider/jsm/check'
import type { ActionOutcome } from '../../../shared/provider/outcome'
import type { StepResult } from './write-check'
import { DOCTOR_MESSAGE, DOCTOR_TAG } from './write-check'

export interface JsmDoctorOptions {
  readonly site: string
  readonly apiUrl: string
  readonly email: string
  readonly apiToken: string
  readonly incidentProject?: string
  /** Also create, acknowledge, note and close one tagged test alert. */
  readonly write?: boolean
  readonly timeoutMs?: number
  readonly waitTimeoutMs?: number
  readonly fetch?: typeof fetch
}

export interface JsmDoctorResult {
  readonly ok: boolean
  readonly failures: readonly string[]
  readonly cloudId?: string
  readonly steps: readonly StepResult[]
}

const said = (p: JsmProbe | undefined): string =>
  p === undefined ? 'not checked' : p.ok ? 'ok' : `refused: ${p.failure.message}`

/**
 * The doctor for a JSM site: finds the cloud id, checks what the e-mail and API token can do,
 * says in plain words what will not work, and with `--write` acts on one tagged test alert,
 * following each request until JSM has processed it. Never prints the token.
 */
export async function runJsmDoctor(
  options: JsmDoctorOptions,
  line: (text: string) => void,
): Promise<JsmDoctorResult> {
  line(
    `Ondeck doctor: JSM site ${options.site}, API ${options.apiUrl}${options.write === true ? ' (with --write)' : ' (read-only)'}`,
  )
  let cloudId: string
  try {
    cloudId = await discoverCloudId(options.site, {
      ...(options.fetch ? { fetch: options.fetch } : {}),
      ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    })
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    line(`FAILED: ${reason}`)
    return { ok: false, failures: [reason], steps: [] }
  }
  line(`Cloud id: ${cloudId}`)
  const client = createJsmClient({
    apiUrl: options.apiUrl,
    siteUrl: options.site,
    cloudId,
    email: options.email,
    apiToken: options.apiToken,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
  })
  const report = await checkJsm(client, { projectKey: options.incidentProject })
  if (!report.alerts.ok && report.alerts.failure.kind === 'bad-key') {
    line(`FAILED: ${report.alerts.failure.message}`)
    return { ok: false, failures: [report.alerts.failure.message], cloudId, steps: [] }
  }
  const failures: string[] = []
  line(`Acting as: ${options.email}`)
  line('Checks:')
  line(`  read alerts: ${said(report.alerts)}`)
  line(`  act on alerts (test acknowledgement of no alert): ${said(report.alertWrites)}`)
  line(`  read teams, schedules, escalations: ${said(report.configuration)}`)
  if (options.incidentProject === undefined)
    line('  incidents: no --incident-project given, not checked')
  else {
    line(`  search incidents in ${options.incidentProject}: ${said(report.incidents)}`)
    const p = report.issuePermissions
    line(
      `  create / transition incident issues: ${p === undefined ? 'could not read permissions' : `${p.create ? 'yes' : 'no'} / ${p.transition ? 'yes' : 'no'}`}`,
    )
  }
  if (!report.alerts.ok) failures.push(`alerts: ${report.alerts.failure.message}`)
  const caps = jsmCapabilities(report, options.email, options.incidentProject)
  const wontWork = [
    ...(caps.readOnlyReason ? [caps.readOnlyReason] : []),
    ...(caps.incidents.available ? [] : [caps.incidents.reason ?? 'incidents are not available']),
    ...(caps.limits ?? []),
  ]
  if (wontWork.length > 0) {
    line('What will not work:')
    for (const w of wontWork) line(`  - ${w}`)
  }
  if (!caps.canWrite) failures.push(`alert writes: ${caps.readOnlyReason ?? 'refused'}`)
  let steps: StepResult[] = []
  if (options.write === true && caps.canWrite) {
    line(`Write check (tag ${DOCTOR_TAG}):`)
    steps = await writeCheck(client, options.waitTimeoutMs ?? 30_000, (s) =>
      line(`  ${s.ok ? 'ok  ' : 'FAIL'} ${s.step}: ${s.detail}`),
    )
    for (const s of steps) if (!s.ok) failures.push(`write check, ${s.step}: ${s.detail}`)
  }
  if (failures.length === 0) line('OK: every check passed.')
  else line(`FAILED (${failures.length}): ${failures.map((f) => f.split(':', 1)[0]).join(', ')}`)
  return { ok: failures.length === 0, failures, cloudId, steps }
}

async function writeCheck(
  client: ReturnType<typeof createJsmClient>,
  waitTimeoutMs: number,
  report: (s: StepResult) => void,
): Promise<StepResult[]> {
  const governor = createGovernor()
  const provider = createJsmProvider({
    client,
    governor,
    email: '',
    decodePush: () => {
      throw new Error('unused')
    },
  })
  const alias = `ondeck-doctor-${randomUUID()}`
  const target = { alertId: alias, by: 'alias' as const }
  const steps: [string, () => Promise<ActionOutcome>][] = [
    [
      'create test alert',
      () =>
        provider.alerts.create({
          message: DOCTOR_MESSAGE,
          alias,
          tags: [DOCTOR_TAG],
          priority: 'P5',
          source: 'ondeck doctor',
          responders: [],
        }),
    ],
    ['acknowledge', () => provider.alerts.acknowledge(target)],
    ['add note', () => provider.alerts.addNote({ ...target, note: 'Ondeck doctor write check' })],
    ['close', () => provider.alerts.close(target)],
  ]
  const results: StepResult[] = []
  try {
    for (const [step, send] of steps) {
      let outcome = await send()
      if (outcome.status === 'accepted')
        outcome = await provider.follow('alert', outcome.requestId, {
          timeoutMs: waitTimeoutMs,
          intervalMs: 250,
          priority: 'user',
        })
      const ok = outcome.status === 'confirmed'
      const detail = ok
        ? 'confirmed by JSM'
        : 'message' in outcome
          ? outcome.message
          : outcome.status
      const result = { step, ok, detail }
      results.push(result)
      report(result)
      if (!ok) break
    }
  } finally {
    governor.dispose()
  }
  return results
}
