export { createGovernor } from './governor'
export { systemClock } from './clock'
export { DEFAULT_BUDGETS, budgetsFromRequestLimits } from './budgets'
export { DEFAULT_SAFETY_MARGIN, DEFAULT_TUNING } from './tuning'
export { AcquireAbortedError, GovernorDisposedError } from './errors'
export { BucketState, DomainState, GovernorState, QueueLengths } from './state-schema'
export { REQUEST_PRIORITIES } from './types'
export type {
  Budgets,
  Classify,
  Clock,
  Governor,
  GovernorOptions,
  GovernorTuning,
  RequestPriority,
  SendResult,
  Throttle,
} from './types'
