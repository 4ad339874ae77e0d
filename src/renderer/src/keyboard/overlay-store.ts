import { create } from 'zustand'

/** The keyboard's two overlays; one at a time. */
export type KeyboardOverlay = 'palette' | 'shortcuts'

interface OverlayState {
  readonly open: KeyboardOverlay | undefined
  show(overlay: KeyboardOverlay): void
  close(): void
  reset(): void
}

/**
 * Which keyboard overlay is open. A store rather than KeyboardLayer's state so the header's hint
 * buttons (mouse users learning the keys) open the same palette and overlay the keys do.
 */
export const useKeyboardOverlayStore = create<OverlayState>()((set) => ({
  open: undefined,
  show: (overlay) => set({ open: overlay }),
  close: () => set({ open: undefined }),
  reset: () => set({ open: undefined }),
}))
