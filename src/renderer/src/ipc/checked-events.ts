import type { OndeckApi } from '../../../shared/ipc/api'
import { events, type EventName } from '../../../shared/ipc/contract'
import { issuesLine } from '../../../shared/zod-issues'

/** Where a refused event is reported; the console reaches the log through `log:write`. */
export type RefusedEvent = (channel: EventName, reason: string) => void

const logRefused: RefusedEvent = (channel, reason) =>
  console.error(`refused ${channel} event from main: ${reason}`)

/**
 * The API with every event checked against its contract schema before a listener sees it: main is
 * trusted to send the right shapes, but the renderer does not take that on faith (a stale main
 * after an update, a bug, browser mode's socket). A payload that does not parse is refused with
 * the reason and never reaches the listener, so no cursor moves past it.
 */
export function withCheckedEvents(api: OndeckApi, refused: RefusedEvent = logRefused): OndeckApi {
  const checked: Record<string, Record<string, unknown>> = {}
  for (const [domain, methods] of Object.entries(api))
    checked[domain] = { ...(methods as Record<string, unknown>) }
  for (const name of Object.keys(events) as EventName[]) {
    const [domain = '', verb = ''] = name.split(':')
    const method = `on${verb.charAt(0).toUpperCase()}${verb.slice(1)}`
    const subscribe = checked[domain]?.[method] as
      ((listener: (payload: unknown) => void) => () => void) | undefined
    if (subscribe === undefined) continue
    const schema = events[name].payload
    checked[domain] = {
      ...checked[domain],
      [method]: (listener: (payload: unknown) => void) =>
        subscribe((payload) => {
          const parsed = schema.safeParse(payload)
          if (parsed.success) listener(parsed.data)
          else refused(name, issuesLine(parsed.error))
        }),
    }
  }
  return Object.freeze(checked) as unknown as OndeckApi
}
