import { z } from 'zod'
import { PRIORITIES } from '../../../../../shared/domain/severity'
import { describeFieldErrors, OpsgenieError } from '../errors'

/** Validates before sending so a bad field is named here, not discovered as a 422 later. */
export function parseInput<T extends z.ZodType>(
  schema: T,
  value: unknown,
  what: string,
): z.output<T> {
  const parsed = schema.safeParse(value)
  if (parsed.success) return parsed.data
  const errors: Record<string, string> = {}
  for (const issue of parsed.error.issues) {
    const field = issue.path.length === 0 ? '(input)' : issue.path.join('.')
    errors[field] ??= issue.message
  }
  throw new OpsgenieError({
    kind: 'invalid',
    origin: 'client',
    operation: 'client',
    errors,
    message: `invalid ${what}: ${describeFieldErrors(errors)}`,
  })
}

export const maxChars = (max: number) => z.string().max(max, `must be at most ${max} characters`)
export const required = (max: number) =>
  z.string().trim().min(1, 'is required').max(max, `must be at most ${max} characters`)

export const PriorityInput = z.enum(PRIORITIES, { error: 'must be one of P1, P2, P3, P4, P5' })

export const Tags = z
  .array(required(50).describe('tag'), { error: 'must be a list of strings' })
  .max(20, 'at most 20 tags')

/** `details` is a string map of at most 8000 characters in total (keys and values). */
export const Details = z
  .record(z.string(), z.string({ error: 'values must be strings' }))
  .refine((d) => Object.entries(d).reduce((n, [k, v]) => n + k.length + v.length, 0) <= 8000, {
    message: 'must be at most 8000 characters in total',
  })

/** The fields every alert action accepts (API-NOTES §3.1). */
export const ActionFields = z.object({
  user: maxChars(100).optional(),
  source: maxChars(100).optional(),
  note: maxChars(25000).optional(),
})
export type ActionFields = z.infer<typeof ActionFields>

const RESPONDER_TYPES = ['team', 'user', 'escalation', 'schedule'] as const
export type ResponderKind = (typeof RESPONDER_TYPES)[number]

/** A responder as callers write it: users may give `username` or `name`. */
export interface ResponderInput {
  readonly type: ResponderKind
  readonly id?: string
  readonly name?: string
  readonly username?: string
}

export type WireResponder =
  | { type: ResponderKind; id: string }
  | { type: 'user'; username: string }
  | { type: Exclude<ResponderKind, 'user'>; name: string }

/** Opsgenie addresses users by `username`, everything else by `name`; either may use `id`. */
export function responder<K extends ResponderKind>(types: readonly [K, ...K[]]) {
  return z
    .object({
      type: z.enum(types, { error: `type must be one of ${types.join(', ')}` }),
      id: z.string().trim().min(1).optional(),
      name: z.string().trim().min(1).optional(),
      username: z.string().trim().min(1).optional(),
    })
    .refine((r) => r.id !== undefined || r.name !== undefined || r.username !== undefined, {
      message: 'a responder needs an id, or a name (username for users)',
    })
    .transform((r): WireResponder => {
      if (r.id !== undefined) return { type: r.type, id: r.id }
      const label = r.username ?? r.name ?? ''
      return r.type === 'user'
        ? { type: 'user', username: label }
        : { type: r.type as Exclude<ResponderKind, 'user'>, name: label }
    })
}

export const AnyResponder = responder(RESPONDER_TYPES)
export const TeamOrUser = responder(['team', 'user'] as const)

/** `order`/`limit`/`offset` shared by list calls; Opsgenie caps `limit` at 100. */
export const PageWindow = z.object({
  limit: z.number().int().min(1, 'must be at least 1').max(100, 'must be at most 100').optional(),
  offset: z.number().int().min(0, 'must be 0 or more').optional(),
  order: z.enum(['asc', 'desc'], { error: 'must be asc or desc' }).optional(),
})
