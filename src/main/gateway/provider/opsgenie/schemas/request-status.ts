import { z } from 'zod'

/**
 * `GET /v2/alerts/requests/{id}` and `/v1/incidents/requests/{id}` once processed. Both
 * `success` and `isSuccess` appear in the wild (API-NOTES §3.3); either one counts.
 */
export const ProcessedRequest = z
  .object({
    success: z.boolean().optional(),
    isSuccess: z.boolean().optional(),
    action: z.string().optional(),
    processedAt: z.string().optional(),
    integrationId: z.string().optional(),
    status: z.string().optional(),
    alertId: z.string().optional(),
    alias: z.string().optional(),
    incidentId: z.string().optional(),
  })
  .transform((d) => ({
    isSuccess: d.isSuccess ?? d.success ?? false,
    action: d.action,
    processedAt: d.processedAt,
    integrationId: d.integrationId,
    status: d.status ?? '',
    alertId: d.alertId === '' ? undefined : d.alertId,
    alias: d.alias === '' ? undefined : d.alias,
    incidentId: d.incidentId === '' ? undefined : d.incidentId,
  }))
export type ProcessedRequest = z.infer<typeof ProcessedRequest>

/** `pending` is Opsgenie's 404 + `X-Opsgenie-Errortype: RequestNotProcessed`. */
export type RequestStatus =
  | ({ readonly state: 'processed' } & ProcessedRequest)
  | { readonly state: 'pending'; readonly requestId: string }
