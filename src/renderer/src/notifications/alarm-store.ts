import { createStore, useStore, type StoreApi } from 'zustand'

export interface AlarmState {
  /** Alerts ringing until acknowledged, oldest first. */
  readonly ringing: readonly string[]
  /** Epoch ms until which the sound is held ("Silence for 5 minutes"); the banner stays. */
  readonly silencedUntil: number | null
  /** The page may not play sound yet (a browser before the first click): the banner says so. */
  readonly soundBlocked: boolean
}

export type AlarmStore = StoreApi<AlarmState> & { reset(): void }

const initial: AlarmState = { ringing: [], silencedUntil: null, soundBlocked: false }

/** The in-app alarm: a banner reads it; only the ringer writes it. */
export function createAlarmStore(): AlarmStore {
  const store = createStore<AlarmState>(() => initial)
  return Object.assign(store, { reset: () => store.setState(initial, true) })
}

export function useAlarm(store: AlarmStore): readonly string[] {
  return useStore(store, (state) => state.ringing)
}

export function useSilencedUntil(store: AlarmStore): number | null {
  return useStore(store, (state) => state.silencedUntil)
}

export function useSoundBlocked(store: AlarmStore): boolean {
  return useStore(store, (state) => state.soundBlocked)
}
