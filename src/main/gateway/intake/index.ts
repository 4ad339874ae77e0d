export { createIntake, type Intake, type IntakeOptions, type IntakeTuning } from './intake'
export {
  createRelayClient,
  relayEventsUrl,
  TOKEN_REFUSED,
  type RelayClient,
  type RelayClientOptions,
  type RelayClientState,
  type RelayEvent,
  type RelayReset,
  type StreamEnd,
} from './relay-client'
export {
  createPoller,
  type Poller,
  type PollerOptions,
  type PollWatermark,
  type PolledChange,
  type PollOutcome,
} from './poller'
export {
  createReconciler,
  RECONCILE_INTERVAL_MS,
  type Reconciler,
  type ReconcilerOptions,
  type OpenAlertsSnapshot,
} from './reconciler'
export { createSseParser, type SseMessage, type SseHandlers, type SseParser } from './sse-parser'
export { formatCursor, parseCursor, type IntakeCursor } from './cursor'
