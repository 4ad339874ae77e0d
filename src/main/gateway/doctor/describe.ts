import { assertNever } from '../../../shared/assert-never'
import type { KeyKind, KeyReport, Probe, ProbedApi } from '../provider/opsgenie'
import type { OpsgenieFailure } from '../provider/opsgenie'

const API_LABELS: Readonly<Record<ProbedApi, string>> = {
  account: 'account (GET /v2/account)',
  requestLimits: 'request limits (GET /v2/request-limits)',
  alerts: 'alerts, read (GET /v2/alerts)',
  alertWrites: 'alerts, write (acknowledge of a non-existent alias; changes nothing)',
  incidents: 'incidents (GET /v1/incidents)',
  services: 'services (GET /v1/services)',
  schedules: 'schedules (GET /v2/schedules)',
}

export function apiLabel(api: ProbedApi): string {
  return API_LABELS[api]
}

export function describeKind(kind: KeyKind): string {
  switch (kind) {
    case 'global':
      return 'global API integration key (full access)'
    case 'team':
      return "team API integration key (its team's alerts and incidents; no account-level endpoints)"
    case 'account-level':
      return 'account-level "API Key Management" key (cannot create, acknowledge, close or add notes to alerts)'
    case 'unknown':
      return 'could not be determined'
    default:
      return assertNever(kind, 'key kind')
  }
}

/**
 * A refusal (403/402/404) says what the key or plan allows: information, not a doctor failure.
 * Anything else (network, timeout, 5xx, throttling, odd answers) means the check itself failed.
 */
export function isLimitation(failure: OpsgenieFailure): boolean {
  switch (failure.kind) {
    case 'wrong-key':
    case 'plan':
    case 'not-found':
      return true
    case 'bad-key':
    case 'invalid':
    case 'throttled':
    case 'server':
    case 'network':
    case 'timeout':
    case 'unexpected':
      return false
    default:
      return assertNever(failure, 'failure')
  }
}

export function describeProbe(probe: Probe): string {
  if (probe.ok) return 'answers'
  return `${isLimitation(probe.failure) ? 'refused' : 'FAILED'}: ${probe.failure.message}`
}

export function describeRateLimit(report: KeyReport): string {
  const limit = report.rateLimit
  if (limit === undefined) return 'no rate-limit headers seen'
  const parts = [`state ${limit.state ?? '?'}`]
  if (limit.reason !== undefined) parts.push(`reason ${limit.reason}`)
  if (limit.periodSeconds !== undefined) parts.push(`period ${limit.periodSeconds} s`)
  return parts.join(', ')
}
