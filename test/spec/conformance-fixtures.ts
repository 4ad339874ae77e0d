import type { ExpectedViolation } from './conformance-harness'

export const GLOBAL_KEY = 'conformance-global-key'
export const ACCOUNT_KEY = 'conformance-account-key'
export const TEAM_KEY = 'conformance-team-key'
export const WAIT = { timeoutMs: 5_000, intervalMs: 10 }

/** The one request sent invalid on purpose, to get a 422 whose answer must still conform. */
export const EXPECTED: readonly ExpectedViolation[] = [
  { operation: 'POST /v2/alerts', where: 'request', pathPrefix: '/body/responders/0/' },
]

/** By operationId; the last seven are supplements from SPEC_DEVIATIONS. */
export const SPEC_OPERATIONS: readonly string[] = [
  'createAlert',
  'getRequestStatus',
  'getAlert',
  'listAlerts',
  'countAlerts',
  'acknowledgeAlert',
  'unAcknowledgeAlert',
  'closeAlert',
  'addNote',
  'listNotes',
  'assignAlert',
  'addResponder',
  'escalateAlert',
  'snoozeAlert',
  'updateAlertPriority',
  'listLogs',
  'createIncident',
  'getIncidentRequestStatus',
  'getIncident',
  'ListIncidents',
  'closeIncident',
  'listServices',
  'listTeams',
  'getTeam',
  'listUsers',
  'listSchedules',
  'getOnCalls',
  'listEscalations',
  'getInfo',
  'getRequestLimits',
  'resolveIncident',
  'reopenIncident',
  'addIncidentNote',
  'addIncidentResponders',
  'listIncidentNotes',
  'updateIncidentPriority',
  'updateIncidentDescription',
]

export async function failureOf(call: () => Promise<unknown>): Promise<unknown> {
  try {
    await call()
  } catch (error) {
    return error
  }
  throw new Error('expected the call to fail')
}
