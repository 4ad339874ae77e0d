import { z } from 'zod'
import { Paging } from './common'

export { AlertDetail, BaseAlert } from './records'

export const AlertNote = z.object({
  note: z.string(),
  owner: z.string().optional(),
  createdAt: z.string().optional(),
  offset: z.string().optional(),
})
export type AlertNote = z.infer<typeof AlertNote>

export const AlertLog = z.object({
  log: z.string(),
  type: z.string().optional(),
  owner: z.string().optional(),
  createdAt: z.string().optional(),
  offset: z.string().optional(),
})
export type AlertLog = z.infer<typeof AlertLog>

/** Notes and logs page with a string offset cursor (API-NOTES §3.4). */
export const CursorPage = <T extends z.ZodType>(item: T) =>
  z.object({ data: z.array(item), paging: Paging.optional(), requestId: z.string().optional() })

export const AlertCount = z.object({ count: z.number() })
