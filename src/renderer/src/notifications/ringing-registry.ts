import { create } from 'zustand'
import { KEYMAP } from '../keyboard/keymap'
import type { AlarmStore } from './alarm-store'

/** One connected workspace's alarm, as the app-wide pieces (tray, title, `a`) need it. */
export interface WorkspaceAlarmEntry {
  /** Its ringing alerts, oldest first (the center's alarm store, mirrored). */
  readonly ringing: readonly string[]
  /** Acknowledges everything that rings there, through that workspace's outbox. */
  acknowledgeRinging(): readonly string[]
}

export interface RingingRegistryState {
  readonly byWorkspace: Readonly<Record<string, WorkspaceAlarmEntry>>
}

export interface RingingRegistryActions {
  set(workspaceId: string, entry: WorkspaceAlarmEntry): void
  remove(workspaceId: string): void
  reset(): void
}

/**
 * What rings in every connected workspace, not only the one on screen: a responder on a US and
 * an EU account must hear, count and acknowledge both. Each workspace's notification center
 * registers here (`registerAlarm`); the window title, the header count, the tray and the `a` key
 * read the sum.
 */
export const useRingingRegistry = create<RingingRegistryState & RingingRegistryActions>()(
  (set) => ({
    byWorkspace: {},
    set: (workspaceId, entry) =>
      set((state) => ({ byWorkspace: { ...state.byWorkspace, [workspaceId]: entry } })),
    remove: (workspaceId) =>
      set((state) => {
        const { [workspaceId]: _gone, ...rest } = state.byWorkspace
        return { byWorkspace: rest }
      }),
    reset: () => set({ byWorkspace: {} }),
  }),
)

/** How many alerts ring, unacknowledged, across every connected workspace. */
export function selectRingingTotal(state: RingingRegistryState): number {
  let total = 0
  for (const entry of Object.values(state.byWorkspace)) total += entry.ringing.length
  return total
}

/** Whether `alertId` of `workspaceId` rings now. */
export function isRinging(
  state: RingingRegistryState,
  workspaceId: string,
  alertId: string,
): boolean {
  return state.byWorkspace[workspaceId]?.ringing.includes(alertId) ?? false
}

/**
 * The key that acknowledges this alert right now, or undefined when none does: while anything
 * rings (in any workspace), `a` acknowledges what rings, so it acknowledges this alert only if
 * this alert is among them. A hint that said "A" on a quiet P2 while a P1 rang would teach the
 * responder to press a key that acknowledges something else.
 */
export function acknowledgeKeyFor(
  state: RingingRegistryState,
  workspaceId: string,
  alertId: string,
): string | undefined {
  if (selectRingingTotal(state) === 0) return KEYMAP.acknowledge
  return isRinging(state, workspaceId, alertId) ? KEYMAP.acknowledge : undefined
}

/** Acknowledges what rings in every workspace; returns how many alerts that was. */
export function acknowledgeAllRinging(): number {
  let count = 0
  for (const entry of Object.values(useRingingRegistry.getState().byWorkspace))
    count += entry.acknowledgeRinging().length
  return count
}

/**
 * Mirrors one center's alarm into the registry for as long as the workspace is connected;
 * the returned function takes it out again (the workspace closed or was removed).
 */
export function registerAlarm(
  workspaceId: string,
  alarm: AlarmStore,
  acknowledgeRinging: () => readonly string[],
): () => void {
  const registry = useRingingRegistry.getState()
  const publish = (ringing: readonly string[]): void =>
    registry.set(workspaceId, { ringing, acknowledgeRinging })
  publish(alarm.getState().ringing)
  const unsubscribe = alarm.subscribe((next, previous) => {
    if (next.ringing !== previous.ringing) publish(next.ringing)
  })
  return () => {
    unsubscribe()
    // only its own entry: a newer center for the same workspace may have registered since
    if (
      useRingingRegistry.getState().byWorkspace[workspaceId]?.acknowledgeRinging ===
      acknowledgeRinging
    )
      registry.remove(workspaceId)
  }
}

/** The hook form of `acknowledgeKeyFor`, for a button's key hint. */
export function useAcknowledgeKey(
  workspaceId: string | undefined,
  alertId: string,
): string | undefined {
  return useRingingRegistry((state) =>
    workspaceId === undefined
      ? selectRingingTotal(state) === 0
        ? KEYMAP.acknowledge
        : undefined
      : acknowledgeKeyFor(state, workspaceId, alertId),
  )
}

/** The hook form of `selectRingingTotal`. */
export function useRingingTotal(): number {
  return useRingingRegistry(selectRingingTotal)
}
