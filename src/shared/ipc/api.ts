import type { Envelope } from './envelope'
import {
  events,
  requests,
  type EventName,
  type EventPayload,
  type RequestInput,
  type RequestName,
  type RequestOutput,
} from './contract'

type Domain = RequestName extends `${infer D}:${string}` ? D : never
type EventDomain = EventName extends `${infer D}:${string}` ? D : never

type DomainMethods<D extends string> = {
  [N in RequestName as N extends `${D}:${infer V}` ? V : never]: (
    input: RequestInput<N>,
  ) => Promise<Envelope<RequestOutput<N>>>
}

type DomainEvents<D extends string> = {
  [E in EventName as E extends `${D}:${infer V}` ? `on${Capitalize<V>}` : never]: (
    listener: (payload: EventPayload<E>) => void,
  ) => () => void
}

/** `window.ondeck`: `ondeck.alerts.acknowledge(input)`, `ondeck.intake.onEvent(listener)`. */
export type OndeckApi = { [D in Domain | EventDomain]: DomainMethods<D> & DomainEvents<D> }

export interface IpcTransport {
  invoke(channel: RequestName, input: unknown): Promise<Envelope<unknown>>
  subscribe(channel: EventName, listener: (payload: unknown) => void): () => void
}

/**
 * Builds the typed API from the contract over a transport: Electron's ipcRenderer in the preload,
 * a WebSocket in browser mode. Each method is bound to one fixed channel; there is no generic
 * invoke for a compromised page to reach.
 */
export function buildOndeckApi(transport: IpcTransport): OndeckApi {
  const api: Record<string, Record<string, unknown>> = {}
  const domainOf = (name: string): Record<string, unknown> => {
    const [domain = ''] = name.split(':')
    api[domain] ??= {}
    return api[domain]
  }
  for (const name of Object.keys(requests) as RequestName[]) {
    const verb = name.split(':')[1] ?? ''
    domainOf(name)[verb] = (input: unknown) => transport.invoke(name, input)
  }
  for (const name of Object.keys(events) as EventName[]) {
    const verb = name.split(':')[1] ?? ''
    const method = `on${verb.charAt(0).toUpperCase()}${verb.slice(1)}`
    domainOf(name)[method] = (listener: (payload: unknown) => void) =>
      transport.subscribe(name, listener)
  }
  return Object.freeze(api) as unknown as OndeckApi
}
