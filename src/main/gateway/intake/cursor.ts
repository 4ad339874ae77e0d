import type { PollWatermark } from './poller'

/**
 * Where intake resumes. The renderer stores the cursor of each event in the same transaction
 * as the event and hands the latest back to `start`. `relay:<id>` is the relay's last event id;
 * `poll:<alertsMs>:<incidentsMs>` the poller's watermarks (epoch ms of the newest `updatedAt`).
 */
export type IntakeCursor =
  | { readonly kind: 'relay'; readonly lastEventId: string }
  | ({ readonly kind: 'poll' } & PollWatermark)

export function formatCursor(cursor: IntakeCursor): string {
  return cursor.kind === 'relay'
    ? `relay:${cursor.lastEventId}`
    : `poll:${cursor.alerts}:${cursor.incidents}`
}

/** `undefined` or `''` means no cursor yet. A malformed cursor is an error naming the formats. */
export function parseCursor(text: string | undefined): IntakeCursor | undefined {
  if (text === undefined || text === '') return undefined
  const relay = /^relay:(\d{1,19})$/.exec(text)
  if (relay?.[1] !== undefined) return { kind: 'relay', lastEventId: relay[1] }
  const poll = /^poll:(\d{1,15}):(\d{1,15})$/.exec(text)
  if (poll?.[1] !== undefined && poll[2] !== undefined)
    return { kind: 'poll', alerts: Number(poll[1]), incidents: Number(poll[2]) }
  throw new Error(
    `intake cursor ${JSON.stringify(text.slice(0, 80))} is neither relay:<event id> nor poll:<alerts ms>:<incidents ms>`,
  )
}
