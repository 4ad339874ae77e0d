import { create } from 'zustand'
import type { ConnectionHealth } from '../../../shared/ipc/schemas'

/** What the status bar shows: connection health and when the last upstream event arrived. */
export interface StatusState {
  readonly health?: ConnectionHealth
  readonly lastEventAt?: number
  /** Commands waiting to be sent; stays 0 until the outbox fills it in. */
  readonly queued: number
}

export interface StatusActions {
  setHealth(health: ConnectionHealth): void
  eventsArrived(at: number): void
  setQueued(count: number): void
  reset(): void
}

const initialState: StatusState = { queued: 0 }

export const useStatusStore = create<StatusState & StatusActions>()((set) => ({
  ...initialState,
  setHealth: (health) =>
    set((s) => ({
      health,
      lastEventAt: Math.max(s.lastEventAt ?? 0, health.lastEventAt ?? 0) || undefined,
    })),
  eventsArrived: (at) => set((s) => ({ lastEventAt: Math.max(s.lastEventAt ?? 0, at) })),
  setQueued: (queued) => set({ queued }),
  reset: () => set({ ...initialState, health: undefined, lastEventAt: undefined }),
}))

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
