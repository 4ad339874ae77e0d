export { createGovernor } from './governor'
export { systemClock } from './clock'
export { DEFAULT_BUDGETS, budgetsFromRequestLimits, checkAccountShare } from './budgets'
export type { RequestLimitsOptions } from './budgets'
export { DEFAULT_ACCOUNT_SHARE, learnAccountLimits } from './account-limits'
export type { LearnedLimits, LearnLimitsOptions } from './account-limits'
export { DEFAULT_SAFETY_MARGIN, DEFAULT_TUNING } from './tuning'
export { AcquireAbortedError, GovernorDisposedError } from './errors'
export { BucketState, DomainState, GovernorState, QueueLengths } from './state-schema'
export { REQUEST_PRIORITIES } from './types'
export type { Clock } from '@shared/clock'
export type {
  Budgets,
  Classify,
  Governor,
  GovernorOptions,
  GovernorTuning,
  ObservedResponse,
  RequestPriority,
  SendResult,
  Throttle,
} from './types'
