import type { Alert } from '../../../shared/domain'
import type { Envelope } from '../../../shared/ipc/envelope'
import type { CacheDb } from '../db/cache-db'
import type { PendingDeleteRow } from '../db/rows'
import type { AlertChange } from './apply-chunk'
import { confirmGone, restore, unconfirmed, type Settled } from './deletions'

/** First retry after a failed confirmation read; each further failure doubles it, up to the cap. */
export const DELETION_RETRY_BASE_MS = 30_000
export const DELETION_RETRY_CAP_MS = 10 * 60_000

export interface DeletionConfirmerOptions {
  /** Reads one alert through the gateway (`alerts:get`); `null` is Opsgenie's 404. */
  readonly read: (alertId: string) => Promise<Envelope<Alert | null>>
  readonly now?: () => number
  /** What a run changed (restored alerts), for the notification feed and the tray. */
  readonly onChanges?: (changes: readonly AlertChange[]) => void
}

export interface DeletionRun {
  /** Confirmed deleted: hidden, tombstoned. */
  readonly gone: readonly string[]
  /** Opsgenie still has them: shown again, unmarked, with a diagnostic. */
  readonly restored: readonly string[]
  /** Could not ask (offline or failing): still shown as "deletion unconfirmed". */
  readonly unconfirmed: readonly string[]
  readonly changes: readonly AlertChange[]
}

type Verdict = 'gone' | 'restored' | 'unconfirmed'

export interface DeletionConfirmer {
  /** Asks about every deletion that is due; runs queue, one at a time. */
  run(): Promise<DeletionRun>
  /** Cancels the retry timer; later runs do nothing. */
  stop(): void
}

/**
 * Settles Delete webhooks through the API. A webhook can be forged, so ingest only marks the alert
 * (`deletion: 'pending'`); this reads the alert and hides it only on a 404, restores it when
 * Opsgenie still returns it, and when the read fails keeps it shown (`'unconfirmed'`) and retries
 * with backoff: at the next run after it is due (the session runs it after every batch) or on its
 * own timer.
 */
export function createDeletionConfirmer(
  db: CacheDb,
  options: DeletionConfirmerOptions,
): DeletionConfirmer {
  const now = options.now ?? Date.now
  let stopped = false
  let chain: Promise<unknown> = Promise.resolve()
  let timer: ReturnType<typeof setTimeout> | undefined

  const ask = async (asked: PendingDeleteRow): Promise<[Verdict, Settled]> => {
    let answer: Envelope<Alert | null>
    try {
      answer = await options.read(asked.alertId)
    } catch (error) {
      answer = { ok: false, error: { code: 'failed', message: String(error) } }
    }
    const at = now()
    if (answer.ok && answer.value === null) return ['gone', await confirmGone(db, asked, at)]
    if (answer.ok && answer.value !== null)
      return ['restored', await restore(db, asked, answer.value, at)]
    const message = answer.ok ? 'no answer' : answer.error.message
    const wait = Math.min(DELETION_RETRY_CAP_MS, DELETION_RETRY_BASE_MS * 2 ** asked.attempts)
    return ['unconfirmed', await unconfirmed(db, asked, message, at + wait)]
  }

  const once = async (): Promise<DeletionRun> => {
    const run: Record<Verdict, string[]> = { gone: [], restored: [], unconfirmed: [] }
    const changes: AlertChange[] = []
    if (stopped) return { ...run, changes }
    const due = (await db.pendingDeletes.toArray()).filter((p) => p.nextAttemptAt <= now())
    for (const asked of due) {
      if (stopped) break
      const [verdict, settled] = await ask(asked)
      if (settled.kind === 'stale') continue
      run[verdict].push(asked.alertId)
      if (settled.change !== undefined) changes.push(settled.change)
    }
    if (changes.length > 0) options.onChanges?.(changes)
    await scheduleRetry()
    return { ...run, changes }
  }

  /** One timer for the soonest retry, so an offline deletion is asked about again unprompted. */
  const scheduleRetry = async (): Promise<void> => {
    if (timer !== undefined) clearTimeout(timer)
    timer = undefined
    const waiting = await db.pendingDeletes.toArray()
    if (stopped || waiting.length === 0) return
    const soonest = Math.min(...waiting.map((p) => p.nextAttemptAt))
    timer = setTimeout(() => void run().catch(() => undefined), Math.max(0, soonest - now()))
  }

  const run = (): Promise<DeletionRun> => {
    const next = chain.then(once, once)
    chain = next.catch(() => undefined)
    return next
  }

  return {
    run,
    stop() {
      stopped = true
      if (timer !== undefined) clearTimeout(timer)
      timer = undefined
    },
  }
}
