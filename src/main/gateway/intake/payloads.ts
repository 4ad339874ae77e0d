/**
 * The JSON inside `IntakeEvent.payload` for `poll` and `reconcile` events (relay events carry
 * the relay's SSE `data:` text verbatim instead). README.md documents each shape; the renderer
 * parses them with its own zod schemas at the IPC boundary. The records are the provider's own
 * (`FeedItem.upstream`: Opsgenie's list items) until decoding moves into main.
 */
export type PollPayload =
  | { readonly kind: 'alert'; readonly alert: unknown }
  | { readonly kind: 'incident'; readonly incident: unknown }

export type ReconcilePayload =
  | { readonly kind: 'alert'; readonly reconcileId: string; readonly alert: unknown }
  | {
      readonly kind: 'open-alerts'
      readonly reconcileId: string
      readonly startedAt: number
      /** Every alert open when the run listed them; an open cached alert not here was closed. */
      readonly alertIds: readonly string[]
    }
