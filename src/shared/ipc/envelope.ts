import { z } from 'zod'

/**
 * Every IPC answer crosses the process boundary as an envelope, never as a thrown error: Electron
 * turns thrown errors into strings and drops their fields, and the renderer must be able to tell
 * "the input was refused" from "the gateway failed" without parsing messages.
 *
 * The last two codes come from the renderer's side of a transport, not from main, and say
 * whether main can have acted: `not-sent` only when the request provably never left the renderer
 * (nothing was written to the transport); `transport-lost` when it was handed over and the answer
 * never came (socket closed, renderer reloaded, main threw), so its effect is unknown and must be
 * looked up before the request is sent again.
 */
export const IpcErrorCode = z.enum([
  'forbidden-sender',
  'invalid-input',
  'unknown-channel',
  'failed',
  'not-sent',
  'transport-lost',
])
export type IpcErrorCode = z.infer<typeof IpcErrorCode>

export const IpcError = z.object({
  code: IpcErrorCode,
  message: z.string(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
})
export type IpcError = z.infer<typeof IpcError>

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: IpcError }

/** An envelope as it arrives from another process; the value is checked by the caller. */
export const Envelope = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: IpcError }),
])

/** The answer for a request handed to a transport whose reply never came: outcome unknown. */
export function transportLost(message: string): Envelope<never> {
  return fail({ code: 'transport-lost', message })
}

/** The answer for a request that provably never left the renderer: safe to send again. */
export function notSent(message: string): Envelope<never> {
  return fail({ code: 'not-sent', message })
}

/**
 * Turns whatever a transport's call produced into an envelope: a rejection or an answer that is
 * not an envelope means the request was issued and its reply lost, so `transport-lost`.
 */
export async function settleEnvelope(call: () => Promise<unknown>): Promise<Envelope<unknown>> {
  let answer: unknown
  try {
    answer = await call()
  } catch (error) {
    return transportLost(`the call to Ondeck failed: ${errorText(error)}`)
  }
  const parsed = Envelope.safeParse(answer)
  return parsed.success
    ? (parsed.data as Envelope<unknown>)
    : transportLost('Ondeck answered with something that is not an IPC envelope')
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

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
