/**
 * The comparison for the outbox bench: a naive replay that sends each lane's notes straight
 * through the Opsgenie client (no governor) and, on a 429, waits 1 s and sends again.
 */
import { createOpsgenieClient, isOpsgenieError } from '../src/main/gateway/provider/opsgenie'

export interface NaiveResult {
  drainMs: number
  /** Throttled answers that were sent again before their advertised period had passed. */
  earlyRetries: number
}

export async function naiveReplay(
  host: string,
  apiKey: string,
  lanes: readonly { alertId: string; notes: readonly string[] }[],
): Promise<NaiveResult> {
  const client = createOpsgenieClient({ host, apiKey, timeoutMs: 15_000 })
  let earlyRetries = 0
  const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))
  async function withRetry<T>(call: () => Promise<T>): Promise<T> {
    let notBefore = 0
    for (;;) {
      if (Date.now() < notBefore) earlyRetries++
      try {
        return await call()
      } catch (error) {
        if (!isOpsgenieError(error, 'throttled')) throw error
        const failure = error.failure
        const period = failure.kind === 'throttled' ? (failure.periodSeconds ?? 60) : 60
        notBefore = Date.now() + period * 1000
        await sleep(1000)
      }
    }
  }
  const start = Date.now()
  await Promise.all(
    lanes.map(async (lane) => {
      for (const note of lane.notes) {
        const accepted = await withRetry(() => client.alerts.addNote(lane.alertId, { note }))
        for (;;) {
          const status = await withRetry(() => client.alerts.requestStatus(accepted.requestId))
          if (status.state !== 'pending') break
          await sleep(50)
        }
      }
    }),
  )
  return { drainMs: Date.now() - start, earlyRetries }
}
