import { createStore, useStore, type StoreApi } from 'zustand'

export interface AlarmState {
  /** Alerts ringing until acknowledged, oldest first. */
  readonly ringing: readonly string[]
}

export type AlarmStore = StoreApi<AlarmState> & { reset(): void }

const initial: AlarmState = { ringing: [] }

/** The in-app alarm: a banner reads it; only the ringer writes it. */
export function createAlarmStore(): AlarmStore {
  const store = createStore<AlarmState>(() => initial)
  return Object.assign(store, { reset: () => store.setState(initial, true) })
}

export function useAlarm(store: AlarmStore): readonly string[] {
  return useStore(store, (state) => state.ringing)
}
