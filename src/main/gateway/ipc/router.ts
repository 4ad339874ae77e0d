import { fail, issuesOf, ok, type Envelope } from '../../../shared/ipc/envelope'
import {
  requests,
  type ParsedInput,
  type RequestName,
  type RequestOutput,
} from '../../../shared/ipc/contract'

/** Who sent an IPC request: the frame's URL (Electron) or the WebSocket's Origin (browser mode). */
export interface IpcSender {
  readonly url: string
}

export type IpcHandler<N extends RequestName> = (
  input: ParsedInput<N>,
  sender: IpcSender,
) => Promise<RequestOutput<N>>

/**
 * Channels a build may legitimately leave unanswered (the router then says `unknown-channel`):
 * the Demo workspace where it is not built in, diagnostics in browser mode without a data folder,
 * `ondeck://` links in browser mode (its address bar carries them).
 */
export type OptionalChannel =
  'workspace:openDemo' | 'log:write' | 'diagnostics:export' | 'links:take'
/** Channels the host (Electron shell or browser mode) answers; the gateway answers the rest. */
export type HostChannel = 'app:info' | 'notifications:show' | 'tray:setStatus' | OptionalChannel

type HandlerMap<N extends RequestName> = { [C in N]: IpcHandler<C> }

/**
 * Every channel's handler: forgetting one is a type error where the map is composed
 * (`compose.ts`); only the optional channels may be missing.
 */
export type IpcHandlers = HandlerMap<Exclude<RequestName, OptionalChannel>> &
  Partial<HandlerMap<OptionalChannel>>
/** What the gateway answers: everything but the host's channels (the Demo is optional). */
export type GatewayHandlers = HandlerMap<Exclude<RequestName, HostChannel>> &
  Partial<HandlerMap<'workspace:openDemo'>>
/** What a host answers: app info, notifications and the tray; diagnostics where it has a log. */
export type HostHandlers = HandlerMap<Exclude<HostChannel, OptionalChannel>> &
  Partial<HandlerMap<'log:write' | 'diagnostics:export' | 'links:take'>>
/** Any subset, for routers in tests that answer a few channels. */
export type SomeIpcHandlers = Partial<HandlerMap<RequestName>>

export interface IpcRouterOptions {
  /** True only for the app's own origin; everything else is refused before parsing. */
  isTrustedSender(sender: IpcSender): boolean
  /** Removes secrets from error text before it crosses to the renderer. */
  scrub?(text: string): string
  onHandlerError?(channel: string, error: unknown): void
}

export interface IpcRouter {
  dispatch(channel: string, input: unknown, sender: IpcSender): Promise<Envelope<unknown>>
}

function isRequestName(channel: string): channel is RequestName {
  return Object.hasOwn(requests, channel)
}

/**
 * The one wrapper every handler goes through, whatever the transport: checks the sender, parses
 * the input as unknown with the channel's schema, checks the output against its schema too, and
 * answers with an envelope. Main treats IPC as a public API: a compromised renderer gets nothing
 * a schema does not allow.
 */
export function createIpcRouter(
  handlers: IpcHandlers | SomeIpcHandlers,
  options: IpcRouterOptions,
): IpcRouter {
  const answer: SomeIpcHandlers = handlers
  const scrub = options.scrub ?? ((text: string) => text)
  return {
    async dispatch(channel, input, sender) {
      if (!options.isTrustedSender(sender)) {
        return fail({ code: 'forbidden-sender', message: `IPC from ${sender.url} is not allowed` })
      }
      if (!isRequestName(channel) || answer[channel] === undefined) {
        return fail({ code: 'unknown-channel', message: `no IPC channel named ${channel}` })
      }
      return invoke(channel, answer[channel] as IpcHandler<RequestName>, input, sender)
    },
  }

  async function invoke(
    channel: RequestName,
    handler: IpcHandler<RequestName>,
    input: unknown,
    sender: IpcSender,
  ): Promise<Envelope<unknown>> {
    const spec = requests[channel]
    const parsed = spec.input.safeParse(input)
    if (!parsed.success) {
      return fail({
        code: 'invalid-input',
        message: `invalid input for ${channel}`,
        issues: issuesOf(parsed.error),
      })
    }
    try {
      const output = await handler(parsed.data as ParsedInput<RequestName>, sender)
      const checked = spec.output.safeParse(output)
      if (!checked.success) {
        options.onHandlerError?.(channel, checked.error)
        return fail({
          code: 'failed',
          message: `${channel} produced an answer outside its contract`,
        })
      }
      return ok(checked.data)
    } catch (error) {
      options.onHandlerError?.(channel, error)
      const message = error instanceof Error ? error.message : String(error)
      return fail({ code: 'failed', message: scrub(message) })
    }
  }
}
