export { createOpsgenieClient, type OpsgenieClient, type OpsgenieClientOptions } from './client'
export { resolveHost, OPSGENIE_HOSTS, type OpsgenieRegion } from './host'
export {
  OpsgenieError,
  isOpsgenieError,
  describeFieldErrors,
  type OpsgenieFailure,
  type OpsgenieFailureKind,
} from './errors'
export { parseRateLimit, type RateLimitInfo, type ResponseMeta } from './rate-limit'
export {
  checkKey,
  inferKind,
  PROBED_APIS,
  type KeyKind,
  type KeyReport,
  type Probe,
  type ProbedApi,
  type CheckKeyOptions,
} from './check-key'
export type { AlertRef, AlertsApi } from './alerts'
export type { IncidentRef, IncidentsApi } from './incidents'
export type { ConfigApi, ListUsersInput, OnCallsInput } from './config'
export type { RequestsApi, WaitOptions } from './requests'
export type { Collected, Page } from './paging'
export { ALERT_PAGING_CAP } from './inputs/alert'
export type * from './inputs/alert'
export type { ActionFields, ResponderInput } from './inputs/common'
export type * from './inputs/incident'
export type { Accepted } from './schemas/common'
export type { AlertDetail, AlertLog, AlertNote, BaseAlert } from './schemas/alert'
export type { IncidentRecord } from './schemas/incident'
export type { ProcessedRequest, RequestStatus } from './schemas/request-status'
export type * from './schemas/config'
