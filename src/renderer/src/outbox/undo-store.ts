import { create } from 'zustand'

/** A destructive command held in the outbox for a few seconds, withdrawable with Undo. */
export interface HeldCommand {
  readonly commandId: string
  readonly alertId: string
  /** "Closing": what is about to happen, for the Undo bar. */
  readonly verb: string
  /** Epoch ms when the outbox sends it; the bar goes then. */
  readonly until: number
}

export interface UndoState {
  /** Oldest first; Undo (`u`) takes the newest. */
  readonly held: readonly HeldCommand[]
  hold(command: HeldCommand): void
  forget(commandId: string): void
  reset(): void
}

/** Only what the Undo bar shows; the command itself and its state live in the outbox. */
export const useUndoStore = create<UndoState>()((set) => ({
  held: [],
  hold: (command) => set((s) => ({ held: [...s.held, command] })),
  forget: (commandId) =>
    set((s) =>
      s.held.some((c) => c.commandId === commandId)
        ? { held: s.held.filter((c) => c.commandId !== commandId) }
        : {},
    ),
  reset: () => set({ held: [] }),
}))
