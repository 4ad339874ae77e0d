import { randomUUID } from 'node:crypto'
import type { OpsgenieClient } from './client'
import { OpsgenieError, type OpsgenieFailure } from './errors'
import type { RateLimitInfo } from './rate-limit'
import type { Account, RequestLimits } from './schemas/config'
import { pagedEnvelope } from './schemas/common'
import { ServiceRecord } from './schemas/config'

export type Probe =
  { readonly ok: true } | { readonly ok: false; readonly failure: OpsgenieFailure }

export const PROBED_APIS = [
  'account',
  'requestLimits',
  'alerts',
  'alertWrites',
  'incidents',
  'services',
  'schedules',
] as const
export type ProbedApi = (typeof PROBED_APIS)[number]

/**
 * `global`: an API integration key with account access. `team`: refused account-level
 * endpoints. `account-level`: an "API Key Management" key, refused alert writes.
 * `unknown`: the probes could not tell (the write probe was skipped or failed otherwise).
 */
export type KeyKind = 'global' | 'team' | 'account-level' | 'unknown'

export interface KeyReport {
  /** False when Opsgenie rejected the key itself (401); `rejected` says why. */
  readonly valid: boolean
  readonly rejected?: OpsgenieFailure
  readonly kind: KeyKind
  readonly account?: Account
  readonly requestLimits?: RequestLimits
  readonly apis: Readonly<Partial<Record<ProbedApi, Probe>>>
  readonly rateLimit?: RateLimitInfo
}

export interface CheckKeyOptions {
  /**
   * Acknowledge an alias that cannot exist, to learn whether the key may write alerts (account-level
   * keys get 403). It changes nothing in the account; turn it off to send only GETs. Default true.
   */
  readonly probeWrites?: boolean
}

async function probe(call: () => Promise<unknown>): Promise<Probe> {
  try {
    await call()
    return { ok: true }
  } catch (error) {
    if (error instanceof OpsgenieError) return { ok: false, failure: error.failure }
    throw error
  }
}

/** Learns what a key can do with cheap, sequential probes (API-NOTES §1.3). */
export async function checkKey(
  client: OpsgenieClient,
  options: CheckKeyOptions = {},
): Promise<KeyReport> {
  let account: Account | undefined
  const accountProbe = await probe(async () => {
    account = await client.config.getAccount()
  })
  if (!accountProbe.ok && accountProbe.failure.kind === 'bad-key') {
    return {
      valid: false,
      rejected: accountProbe.failure,
      kind: 'unknown',
      apis: { account: accountProbe },
      rateLimit: client.lastRateLimit(),
    }
  }
  let requestLimits: RequestLimits | undefined
  const apis: Partial<Record<ProbedApi, Probe>> = { account: accountProbe }
  apis.requestLimits = await probe(async () => {
    requestLimits = await client.config.getRequestLimits()
  })
  apis.alerts = await probe(() => client.alerts.list({ limit: 1 }))
  if (options.probeWrites ?? true) {
    apis.alertWrites = await probe(() =>
      client.alerts.acknowledge(
        { alias: `ondeck-key-check-${randomUUID()}` },
        { note: 'Ondeck key check (no such alert)' },
      ),
    )
  }
  apis.incidents = await probe(() => client.incidents.list({ query: 'status:open', limit: 1 }))
  apis.services = await probe(() =>
    client.http.send({
      method: 'GET',
      path: '/v1/services',
      query: { limit: 1 },
      schema: pagedEnvelope(ServiceRecord),
    }),
  )
  apis.schedules = await probe(() => client.config.listSchedules())
  return {
    valid: true,
    kind: inferKind(apis),
    account,
    requestLimits,
    apis,
    rateLimit: client.lastRateLimit(),
  }
}

/** Pure, so the inference can be tested without a server. */
export function inferKind(apis: Readonly<Partial<Record<ProbedApi, Probe>>>): KeyKind {
  const refused = (p: Probe | undefined): boolean =>
    p !== undefined && !p.ok && p.failure.kind === 'wrong-key'
  if (refused(apis.account)) return 'team'
  if (apis.account?.ok !== true) return 'unknown'
  if (refused(apis.alertWrites)) return 'account-level'
  return apis.alertWrites?.ok === true ? 'global' : 'unknown'
}
