import { z } from 'zod'

/**
 * Every IPC answer crosses the process boundary as an envelope, never as a thrown error: Electron
 * turns thrown errors into strings and drops their fields, and the renderer must be able to tell
 * "the input was refused" from "the gateway failed" without parsing messages.
 */
export const IpcErrorCode = z.enum([
  'forbidden-sender',
  'invalid-input',
  'unknown-channel',
  'failed',
])
export type IpcErrorCode = z.infer<typeof IpcErrorCode>

export const IpcError = z.object({
  code: IpcErrorCode,
  message: z.string(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
})
export type IpcError = z.infer<typeof IpcError>

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: IpcError }

export function ok<T>(value: T): Envelope<T> {
  return { ok: true, value }
}

export function fail<T = never>(error: IpcError): Envelope<T> {
  return { ok: false, error }
}

/** Flattens zod issues to `path: message` pairs a form can show next to its fields. */
export function issuesOf(error: z.ZodError): NonNullable<IpcError['issues']> {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }))
}
