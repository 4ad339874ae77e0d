import { create } from 'zustand'
import type { ConnectionHealth } from '../../../shared/ipc/schemas'

/** What the status bar shows: connection health and when the last upstream event arrived. */
export interface StatusState {
  readonly health?: ConnectionHealth
  readonly lastEventAt?: number
  /** When the intake last stopped being connected: the cache is as of then while offline. */
  readonly connectedUntil?: number
  /** Commands waiting to be sent; stays 0 until the outbox fills it in. */
  readonly queued: number
  /**
   * When the responder last looked at the Outbox: the status bar's "N actions failed" counts
   * only failures since, so a refusal they have read does not nag forever (in memory: after a
   * reload it shows once more).
   */
  readonly failuresSeenAt?: number
  /** A batch the ingest worker is still applying (a first connect's backfill): events done, all. */
  readonly ingest?: { readonly done: number; readonly total: number }
}

export interface StatusActions {
  setHealth(health: ConnectionHealth, at?: number): void
  eventsArrived(at: number): void
  setQueued(count: number): void
  markFailuresSeen(at: number): void
  setIngestProgress(progress: StatusState['ingest']): void
  reset(): void
}

const initialState: StatusState = { queued: 0 }

export const useStatusStore = create<StatusState & StatusActions>()((set) => ({
  ...initialState,
  setHealth: (health, at = Date.now()) =>
    set((s) => {
      const wasConnected = s.health !== undefined && s.health.state !== 'offline'
      const lost = wasConnected && health.state === 'offline'
      return {
        health,
        lastEventAt: Math.max(s.lastEventAt ?? 0, health.lastEventAt ?? 0) || undefined,
        ...(lost ? { connectedUntil: at } : {}),
      }
    }),
  eventsArrived: (at) => set((s) => ({ lastEventAt: Math.max(s.lastEventAt ?? 0, at) })),
  setQueued: (queued) => set({ queued }),
  markFailuresSeen: (at) => set({ failuresSeenAt: at }),
  setIngestProgress: (ingest) => set({ ingest }),
  reset: () =>
    set({
      ...initialState,
      health: undefined,
      lastEventAt: undefined,
      connectedUntil: undefined,
      failuresSeenAt: undefined,
      ingest: undefined,
    }),
}))

/** What else says the connection is gone, besides main's intake. */
export interface ReachabilitySignals {
  /** The browser's `navigator.onLine`: false the moment the OS loses its network. */
  readonly online: boolean
  /** Outbox commands whose last send found no network or got no answer. */
  readonly unreachable: number
}

/**
 * The health the status bar shows. Main's intake says "offline" only once the relay's heartbeat
 * times out (45 s) or a poll fails (30 s), so on its own "Live" lingers for up to a minute after
 * the network goes. The browser's own online flag and the outbox's failed sends know sooner.
 */
export function effectiveHealth(
  health: ConnectionHealth | undefined,
  signals: ReachabilitySignals,
): ConnectionHealth | undefined {
  if (health === undefined) return undefined
  if (!signals.online)
    return { ...health, state: 'offline', detail: 'this computer has no network' }
  if (signals.unreachable > 0 && health.state !== 'offline')
    return { ...health, state: 'offline', detail: 'Opsgenie unreachable; actions wait' }
  return health
}

/** "10:42": the cache's age when offline, or undefined when nothing is known yet. */
export function dataAsOf(
  state: StatusState,
  effective: ConnectionHealth | undefined,
  now: number,
): number | undefined {
  if (effective?.state !== 'offline') return now
  if (state.health?.state !== 'offline') return state.lastEventAt ?? now
  return state.connectedUntil ?? state.lastEventAt
}

/** "12 s ago", "4 min ago", "never": short enough for a status bar. */
export function describeSince(lastEventAt: number | undefined, now: number): string {
  if (lastEventAt === undefined) return 'no events yet'
  const seconds = Math.max(0, Math.round((now - lastEventAt) / 1000))
  if (seconds < 60) return `${seconds} s ago`
  const minutes = Math.round(seconds / 60)
  if (minutes < 60) return `${minutes} min ago`
  const hours = Math.round(minutes / 60)
  return hours < 48 ? `${hours} h ago` : `${Math.round(hours / 24)} d ago`
}
