import type { BaseAlert, IncidentRecord } from '../opsgenie'

/**
 * The JSON inside `IntakeEvent.payload` for `poll` and `reconcile` events (relay events carry
 * the relay's SSE `data:` text verbatim instead). README.md documents each shape; the renderer
 * parses them with its own zod schemas at the IPC boundary.
 */
export type PollPayload =
  | { readonly kind: 'alert'; readonly alert: BaseAlert }
  | { readonly kind: 'incident'; readonly incident: IncidentRecord }

export type ReconcilePayload =
  | { readonly kind: 'alert'; readonly reconcileId: string; readonly alert: BaseAlert }
  | {
      readonly kind: 'open-alerts'
      readonly reconcileId: string
      readonly startedAt: number
      /** Every alert open when the run listed them; an open cached alert not here was closed. */
      readonly alertIds: readonly string[]
    }
