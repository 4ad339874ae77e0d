import { z } from 'zod'
import type { Capabilities } from '../../../../shared/ipc/schemas'
import type { JsmClient } from './client'
import { isJsmError, type JsmFailure } from './errors'

/** One probe's result: what worked, or the failure it met. */
export type JsmProbe = { ok: true } | { ok: false; failure: JsmFailure }

export interface JsmReport {
  readonly alerts: JsmProbe
  readonly alertWrites?: JsmProbe
  readonly configuration: JsmProbe
  readonly incidents?: JsmProbe
  /** Jira permissions in the incident project, when one is set and readable. */
  readonly issuePermissions?: { create: boolean; transition: boolean }
}

const Permissions = z.object({
  permissions: z.record(z.string(), z.object({ havePermission: z.boolean() })),
})

async function probe(call: () => Promise<unknown>): Promise<JsmProbe> {
  try {
    await call()
    return { ok: true }
  } catch (error) {
    if (isJsmError(error)) return { ok: false, failure: error.failure }
    throw error
  }
}

/**
 * What the e-mail and API token can do on this site, read without changing anything: list alerts;
 * acknowledge an alert that does not exist (JSM accepts the request and fails it in the request
 * status; a user without write access gets a 403); list teams (configuration); search the
 * incident project and read Jira's `mypermissions` for creating and transitioning its issues.
 */
export async function checkJsm(
  client: JsmClient,
  options: { projectKey?: string | undefined; probeWrites?: boolean } = {},
): Promise<JsmReport> {
  const alerts = await probe(() => client.alerts.list({ size: 1 }))
  if (!alerts.ok && alerts.failure.kind === 'bad-key') return { alerts, configuration: alerts }
  const alertWrites =
    options.probeWrites === false
      ? undefined
      : await probe(() => client.alerts.acknowledge('ondeck-capability-check-no-such-alert'))
  const configuration = await probe(() => client.config.teams())
  if (options.projectKey === undefined)
    return { alerts, configuration, ...(alertWrites ? { alertWrites } : {}) }
  const key = options.projectKey
  const incidents = await probe(() => client.issues.search(`project = ${key}`, undefined, 1))
  let issuePermissions: JsmReport['issuePermissions']
  try {
    const answer = await client.http.send({
      api: 'site',
      method: 'GET',
      path: '/rest/api/3/mypermissions',
      query: { projectKey: key, permissions: 'CREATE_ISSUES,TRANSITION_ISSUES' },
      schema: Permissions,
    })
    issuePermissions = {
      create: answer.permissions.CREATE_ISSUES?.havePermission ?? false,
      transition: answer.permissions.TRANSITION_ISSUES?.havePermission ?? false,
    }
  } catch (error) {
    if (!isJsmError(error)) throw error
  }
  return {
    alerts,
    configuration,
    incidents,
    ...(alertWrites ? { alertWrites } : {}),
    ...(issuePermissions ? { issuePermissions } : {}),
  }
}

const why = (p: JsmProbe | undefined): string | undefined =>
  p === undefined || p.ok ? undefined : p.failure.message

/**
 * The report in plain words: what will not work and why. A write probe lost to the network says
 * nothing about the token, so only a refusal makes the workspace read-only.
 */
export function jsmCapabilities(
  report: JsmReport,
  account: string,
  projectKey: string | undefined,
): Capabilities {
  const refusedWrite =
    report.alertWrites !== undefined &&
    !report.alertWrites.ok &&
    (report.alertWrites.failure.kind === 'wrong-key' || report.alertWrites.failure.kind === 'plan')
  const limits: string[] = []
  if (!report.configuration.ok)
    limits.push(
      `Teams, schedules and escalations cannot be read (${why(report.configuration) ?? ''}), so responders are picked by id and On call stays empty.`,
    )
  limits.push('JSM has no services API for Ondeck: the services list stays empty.')
  let incidents: Capabilities['incidents'] = { available: true }
  if (projectKey === undefined)
    incidents = {
      available: false,
      reason:
        'No incident project is set: name the service project whose Incident issues are your incidents.',
    }
  else if (report.incidents !== undefined && !report.incidents.ok)
    incidents = {
      available: false,
      reason: `Jira refused to search ${projectKey}: ${why(report.incidents) ?? ''}`,
    }
  else if (report.issuePermissions && !report.issuePermissions.create)
    incidents = {
      available: false,
      reason: `This user may not create issues in ${projectKey}, so incidents cannot be opened from Ondeck.`,
    }
  else if (report.issuePermissions && !report.issuePermissions.transition)
    limits.push(
      `This user may not transition issues in ${projectKey}: incidents cannot be resolved or closed from Ondeck.`,
    )
  return {
    keyKind: 'global',
    account,
    canWrite: !refusedWrite,
    ...(refusedWrite
      ? {
          readOnlyReason: `JSM refused a test acknowledgement: ${why(report.alertWrites) ?? ''} The user needs an operations role that may act on alerts.`,
        }
      : {}),
    limits,
    incidents,
    services: { available: false, reason: 'JSM Operations has no services API that Ondeck uses.' },
  }
}
