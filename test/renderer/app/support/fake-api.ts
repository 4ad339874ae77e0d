import { buildOndeckApi, type IpcTransport, type OndeckApi } from '../../../../src/shared/ipc/api'
import type {
  EventName,
  EventPayload,
  RequestInput,
  RequestName,
  RequestOutput,
} from '../../../../src/shared/ipc/contract'
import type { Envelope } from '../../../../src/shared/ipc/envelope'

type Handler<N extends RequestName> = (
  input: RequestInput<N>,
) => Envelope<RequestOutput<N>> | Promise<Envelope<RequestOutput<N>>>

export type FakeHandlers = { [N in RequestName]?: Handler<N> }

export interface FakeApi {
  readonly api: OndeckApi
  readonly calls: { channel: RequestName; input: unknown }[]
  callsTo(channel: RequestName): unknown[]
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void
  listenerCount(event: EventName): number
}

/**
 * A real `OndeckApi` (built by the same `buildOndeckApi` the preload uses) over an in-memory
 * transport: tests script main's answers per channel and push events, without touching globals.
 * A channel without a handler answers `failed`, so an unexpected call shows up as an error.
 */
export function createFakeApi(handlers: FakeHandlers = {}): FakeApi {
  const calls: { channel: RequestName; input: unknown }[] = []
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>()
  const transport: IpcTransport = {
    async invoke(channel, input) {
      calls.push({ channel, input })
      const handler = handlers[channel] as ((input: unknown) => unknown) | undefined
      if (handler === undefined) {
        return { ok: false, error: { code: 'failed', message: `no fake for ${channel}` } }
      }
      return (await handler(input)) as Envelope<unknown>
    },
    subscribe(channel, listener) {
      const set = listeners.get(channel) ?? new Set()
      set.add(listener)
      listeners.set(channel, set)
      return () => set.delete(listener)
    },
  }
  return {
    api: buildOndeckApi(transport),
    calls,
    callsTo: (channel) => calls.filter((c) => c.channel === channel).map((c) => c.input),
    emit: (event, payload) => {
      for (const listener of listeners.get(event) ?? []) listener(payload)
    },
    listenerCount: (event) => listeners.get(event)?.size ?? 0,
  }
}

export function ok<T>(value: T): Envelope<T> {
  return { ok: true, value }
}

export const FULL_CAPABILITIES = {
  keyKind: 'global',
  canWrite: true,
  incidents: { available: true },
  services: { available: true },
} as const satisfies RequestOutput<'workspace:connect'>

export const READ_ONLY_CAPABILITIES = {
  keyKind: 'team',
  canWrite: false,
  readOnlyReason: 'the key lacks the update permission',
  incidents: { available: false, reason: 'plan' },
  services: { available: true },
} as const satisfies RequestOutput<'workspace:connect'>
