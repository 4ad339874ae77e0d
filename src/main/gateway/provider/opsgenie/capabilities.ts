import type { Capabilities } from '../../../../shared/ipc/schemas'
import type { KeyReport, Probe } from './index'

function availability(probe: Probe | undefined, what: string): Capabilities['incidents'] {
  if (probe === undefined || probe.ok) return { available: true }
  const reason =
    probe.failure.kind === 'plan'
      ? `Your Opsgenie plan does not include the ${what} API (Standard or Enterprise needed).`
      : probe.failure.kind === 'wrong-key'
        ? `This key may not use the ${what} API: ${probe.failure.message}`
        : `The ${what} API did not answer: ${probe.failure.message}`
  return { available: false, reason }
}

/**
 * What a workspace may do, from the key check: a key that cannot write gives a read-only
 * workspace with the reason shown; a plan without the Incident or Service API disables them.
 */
/**
 * Only a refusal says a key cannot write (403: wrong kind or scope; 401 never gets here). A write
 * probe lost to the network, a timeout or a 5xx says nothing about the key, so the workspace stays
 * writable and the outbox deals with the network.
 */
function writeRefusal(probe: Probe | undefined): string | undefined {
  if (probe === undefined || probe.ok) return undefined
  const kind = probe.failure.kind
  return kind === 'wrong-key' || kind === 'plan' ? probe.failure.message : undefined
}

/**
 * What a workspace may do, from the key check: a key that cannot write gives a read-only
 * workspace with the reason shown; a plan without the Incident or Service API disables them.
 */
/** Opsgenie refuses team keys on account-level reads ("Team API Keys are not authorized..."). */
export const TEAM_KEY_LIMITS: readonly string[] = [
  "A team key sees only its own team's alerts and incidents.",
  'It cannot list users, so responders are picked by team, not by person.',
  "It cannot read the account's rate limits, so Ondeck budgets requests conservatively.",
  'Use a global API integration key for the whole account.',
]

export function capabilitiesOf(report: KeyReport): Capabilities {
  const refusal = writeRefusal(report.apis.alertWrites)
  const canWrite = report.kind !== 'account-level' && refusal === undefined
  const readOnlyReason = canWrite
    ? undefined
    : report.kind === 'account-level'
      ? 'This is an API Key Management key: it cannot create, acknowledge, close or note alerts. Use a key from a global API integration owned by a service account.'
      : `Opsgenie refused a test write: ${refusal ?? 'unknown reason'}`
  return {
    keyKind: report.kind === 'account-level' ? 'account' : report.kind,
    account: report.account?.name,
    plan: report.account?.plan?.name,
    canWrite,
    ...(readOnlyReason !== undefined ? { readOnlyReason } : {}),
    ...(report.kind === 'team' ? { limits: [...TEAM_KEY_LIMITS] } : {}),
    incidents: availability(report.apis.incidents, 'Incident'),
    services: availability(report.apis.services, 'Service'),
  }
}
