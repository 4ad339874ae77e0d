import type { OndeckApi } from '../../../shared/ipc/api'

/**
 * The part of the IPC API the outbox calls. In the app it is `ondeck()`; tests build it over a
 * real gateway's router, so replay is exercised against the real governor and simulator.
 */
export interface OutboxPort {
  alerts: Pick<
    OndeckApi['alerts'],
    | 'acknowledge'
    | 'unacknowledge'
    | 'close'
    | 'addNote'
    | 'assign'
    | 'addResponder'
    | 'escalate'
    | 'snooze'
    | 'setPriority'
    | 'create'
    | 'get'
    | 'notes'
  >
  incidents: Pick<
    OndeckApi['incidents'],
    | 'create'
    | 'resolve'
    | 'close'
    | 'reopen'
    | 'addNote'
    | 'addResponders'
    | 'setPriority'
    | 'updateDescription'
    | 'get'
    | 'list'
    | 'notes'
  >
  requests: Pick<OndeckApi['requests'], 'status'>
}
