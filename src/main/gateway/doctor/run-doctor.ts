import {
  checkKey,
  createOpsgenieClient,
  PROBED_APIS,
  type KeyReport,
  type OpsgenieClient,
} from '../provider/opsgenie'
import { apiLabel, describeKind, describeProbe, describeRateLimit, isLimitation } from './describe'
import { runWriteCheck, type StepResult } from './write-check'

export interface DoctorOptions {
  readonly host: string
  readonly apiKey: string
  /** Also create, acknowledge, note and close one tagged test alert. */
  readonly write?: boolean
  /** Per HTTP request (default 15 s). */
  readonly timeoutMs?: number
  /** How long to follow each write until Opsgenie confirms it (default 30 s). */
  readonly waitTimeoutMs?: number
  readonly fetch?: typeof fetch
}

export interface DoctorResult {
  readonly ok: boolean
  /** What failed, one entry each, e.g. `incidents: could not reach Opsgenie ...`. */
  readonly failures: readonly string[]
  readonly report?: KeyReport
  readonly steps: readonly StepResult[]
}

/** Pure apart from the network: prints through `line`, never prints the key, returns the verdict. */
export async function runDoctor(
  options: DoctorOptions,
  line: (text: string) => void,
): Promise<DoctorResult> {
  let client: OpsgenieClient
  try {
    client = createOpsgenieClient({
      host: options.host,
      apiKey: options.apiKey,
      timeoutMs: options.timeoutMs,
      fetch: options.fetch,
    })
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    line(`FAILED: ${reason}`)
    return { ok: false, failures: [reason], steps: [] }
  }
  line(
    `Ondeck doctor: ${client.baseUrl}${options.write === true ? ' (with --write)' : ' (read-only)'}`,
  )
  const report = await checkKey(client)
  if (!report.valid) {
    const reason = report.rejected?.message ?? 'the API key was rejected'
    line(`FAILED: ${reason}`)
    return { ok: false, failures: [reason], report, steps: [] }
  }
  const failures = printReport(report, line)
  let steps: StepResult[] = []
  if (options.write === true) {
    line('Write check (tag ondeck-doctor):')
    steps = await runWriteCheck(client, options.waitTimeoutMs ?? 30_000, (step) => {
      line(`  ${step.ok ? 'ok  ' : 'FAIL'} ${step.step}: ${step.detail}`)
    })
    for (const step of steps)
      if (!step.ok) failures.push(`write check, ${step.step}: ${step.detail}`)
  }
  if (failures.length === 0) line('OK: every check passed.')
  else line(`FAILED (${failures.length}): ${failures.map((f) => f.split(':', 1)[0]).join(', ')}`)
  return { ok: failures.length === 0, failures, report, steps }
}

function printReport(report: KeyReport, line: (text: string) => void): string[] {
  const failures: string[] = []
  line(`Key kind: ${describeKind(report.kind)}`)
  if (report.account === undefined) line('Account: not readable with this key')
  else
    line(
      `Account: ${report.account.name}, plan ${report.account.plan?.name ?? 'unknown'}${report.account.userCount === undefined ? '' : `, ${report.account.userCount} users`}`,
    )
  if (report.requestLimits !== undefined) {
    const limits = report.requestLimits.rateLimits.map(
      (d) =>
        `${d.domain} ${d.limits.map((l) => `${l.limit}/${l.periodInSeconds === 1 ? 's' : l.periodInSeconds === 60 ? 'min' : `${l.periodInSeconds}s`}`).join(' ')}`,
    )
    line(`Request limits: ${limits.join('; ') || 'none reported'}`)
  }
  line('APIs:')
  for (const api of PROBED_APIS) {
    const probe = report.apis[api]
    if (probe === undefined) continue
    line(`  ${apiLabel(api)}: ${describeProbe(probe)}`)
    if (!probe.ok && !isLimitation(probe.failure)) failures.push(`${api}: ${probe.failure.message}`)
  }
  line(`Rate limit: ${describeRateLimit(report)}`)
  return failures
}
