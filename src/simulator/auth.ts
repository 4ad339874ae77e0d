import type { IncomingMessage } from 'node:http'
import { ApiError } from './api-error'

export type KeyKind = 'global' | 'team' | 'account'

/**
 * An API integration's access rights as Opsgenie's integration page shows them: "Read Access",
 * "Create and Update Access", "Delete Access", "Configuration Access". Read, create-and-update
 * and delete gate requests by verb (GET / POST, PUT, PATCH / DELETE); configuration gates the
 * configuration domains (users, teams, schedules, escalations, services, ...) whatever the verb.
 */
export const ACCESS_RIGHTS = ['read', 'create_and_update', 'delete', 'configuration'] as const
export type AccessRight = (typeof ACCESS_RIGHTS)[number]

export interface SimulatorKey {
  key: string
  kind: KeyKind
  /** For team keys: the owning team, whose name replaces an alert's responders. */
  teamName?: string
  /** Default true; false answers 403 on every write. */
  canWrite?: boolean
  /** Default: all four, as a new API integration has them. */
  accessRights?: readonly AccessRight[]
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

/** Opsgenie's configuration domains (API access management); alerts and incidents are not. */
const CONFIGURATION_PATH =
  /^\/(v2\/(teams|users|schedules|escalations|heartbeats|integrations|policies|forwarding-rules|maintenance)|v1\/services)(\/|$)/

/** Throws at start for a right Opsgenie does not have, so a typo never grants everything. */
export function checkAccessRights(key: SimulatorKey): void {
  for (const right of key.accessRights ?? []) {
    if (!(ACCESS_RIGHTS as readonly string[]).includes(right))
      throw new Error(
        `key ${key.key}: unknown access right "${String(right)}" (use ${ACCESS_RIGHTS.join(', ')})`,
      )
  }
}

/** The message texts follow the create-and-update one already modelled; Opsgenie's are unverified. */
function requireRights(principal: Principal, method: string, path: string): void {
  const rights = principal.accessRights ?? ACCESS_RIGHTS
  const need = (right: AccessRight, words: string): void => {
    if (!rights.includes(right))
      throw new ApiError(403, `The API key does not have ${words} access.`, { code: 40301 })
  }
  if (CONFIGURATION_PATH.test(path)) need('configuration', 'configuration')
  if (method === 'GET') need('read', 'read')
  else if (method === 'DELETE') need('delete', 'delete')
  else need('create_and_update', 'create and update')
}

export function authorize(
  principal: Principal,
  method: string,
  gate: RouteGate,
  plan: Plan,
  path = '',
): void {
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
  requireRights(principal, method, path)
}
