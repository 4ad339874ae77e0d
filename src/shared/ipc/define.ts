import type { z } from 'zod'

/** A request/response channel: the renderer asks, main answers. */
export interface RequestChannel<I extends z.ZodType, O extends z.ZodType> {
  readonly input: I
  readonly output: O
}

/** A one-way event from main to the renderer. */
export interface EventChannel<P extends z.ZodType> {
  readonly payload: P
}

export function request<I extends z.ZodType, O extends z.ZodType>(
  input: I,
  output: O,
): RequestChannel<I, O> {
  return { input, output }
}

export function event<P extends z.ZodType>(payload: P): EventChannel<P> {
  return { payload }
}

/** `domain:verb`, the only shape a channel name may have. */
export const CHANNEL_NAME = /^[a-z]+:[a-z][A-Za-z]*$/
