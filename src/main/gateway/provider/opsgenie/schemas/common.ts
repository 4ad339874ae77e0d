import { z } from 'zod'

/**
 * Response envelopes (API-NOTES §2.1). Objects strip unknown keys rather than reject them:
 * Opsgenie adds fields over time and a new field must never break a responder's client.
 */
export function dataEnvelope<T extends z.ZodType>(data: T) {
  return z.object({ data, took: z.number().optional(), requestId: z.string().optional() })
}

export const Paging = z.object({
  next: z.string().optional(),
  prev: z.string().optional(),
  first: z.string().optional(),
  last: z.string().optional(),
})
export type Paging = z.infer<typeof Paging>

export function pagedEnvelope<T extends z.ZodType>(item: T) {
  return z.object({
    data: z.array(item),
    paging: Paging.optional(),
    totalCount: z.number().optional(),
    took: z.number().optional(),
    requestId: z.string().optional(),
  })
}

/** The 202 answer of every asynchronous write. */
export const Accepted = z.object({
  result: z.string().optional(),
  took: z.number().optional(),
  requestId: z.string().min(1),
})
export type Accepted = z.infer<typeof Accepted>

export { ResponderRefOut, TinyId } from './records'
