import type { CommandKind } from '../../../shared/commands/catalogue'
import type { OndeckApi } from '../../../shared/ipc/api'

/** `close` for `alerts:close`: the catalogue's commands of one IPC domain, by verb. */
type Verbs<D extends string> = CommandKind extends infer K
  ? K extends `${D}:${infer V}`
    ? V
    : never
  : never

/**
 * The part of the IPC API the outbox calls: every catalogue command's channel (derived, so a new
 * command needs nothing here) and the reads reconciliation looks with. In the app it is `ondeck()`;
 * tests build it over a real gateway's router, so replay is exercised against the real governor
 * and simulator.
 */
export interface OutboxPort {
  alerts: Pick<OndeckApi['alerts'], Verbs<'alerts'> | 'get' | 'notes'>
  incidents: Pick<OndeckApi['incidents'], Verbs<'incidents'> | 'get' | 'list' | 'notes'>
  requests: Pick<OndeckApi['requests'], 'status'>
}
