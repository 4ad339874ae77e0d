import type { IncomingMessage } from 'node:http'
import { ApiError } from './api-error'

export type KeyKind = 'global' | 'team' | 'account'

export interface SimulatorKey {
  key: string
  kind: KeyKind
  /** For team keys: the owning team, whose name replaces an alert's responders. */
  teamName?: string
  /** Default true; false answers 403 on every write. */
  canWrite?: boolean
}

/** A key as the server knows it: each integration key stands for one API integration. */
export interface Principal extends SimulatorKey {
  integrationId: string
  integrationName: string
}

export interface RouteGate {
  /** Create, acknowledge, close and add note need an integration key (API-NOTES §1.2). */
  integrationOnly?: boolean
  /** Account-level configuration, refused to team keys. */
  accountLevel?: boolean
  plan?: 'incident' | 'service'
}

export interface Plan {
  name: string
  incidentApi: boolean
  serviceApi: boolean
}

export function apiKeyOf(req: IncomingMessage, url: URL): string | undefined {
  const header = req.headers.authorization
  const match = header ? /^GenieKey\s+(\S+)\s*$/i.exec(header) : null
  return match?.[1] ?? url.searchParams.get('apiKey') ?? undefined
}

export function authenticate(keys: Map<string, Principal>, key: string | undefined): Principal {
  const principal = key === undefined ? undefined : keys.get(key)
  if (!principal) throw new ApiError(401, 'Could not authenticate')
  return principal
}

export function authorize(principal: Principal, method: string, gate: RouteGate, plan: Plan): void {
  if (gate.plan === 'incident' && !plan.incidentApi) {
    throw new ApiError(402, `Your plan (${plan.name}) does not include the Incident API.`)
  }
  if (gate.plan === 'service' && !plan.serviceApi) {
    throw new ApiError(402, `Your plan (${plan.name}) does not include the Service API.`)
  }
  if (gate.integrationOnly && principal.kind === 'account') {
    throw new ApiError(403, 'To perform this action, use an API key from an API integration.', {
      code: 40301,
    })
  }
  if (gate.accountLevel && principal.kind === 'team') {
    throw new ApiError(403, 'Team API Keys are not authorized to perform this action.', {
      code: 40301,
    })
  }
  if (method !== 'GET' && principal.canWrite === false) {
    throw new ApiError(403, 'The API key does not have create and update access.', { code: 40301 })
  }
}
