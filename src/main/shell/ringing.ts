/**
 * Whether an alarm rings, as the renderer last reported it (`tray:setStatus`'s `ringing`). Main
 * does not decide what rings; it only holds back what must not happen meanwhile (an update
 * restart) and draws attention (dock bounce, taskbar flash).
 */
export interface RingingState {
  isRinging(): boolean
  set(ringing: boolean): void
  /** Resolves now when nothing rings, else once ringing stops. */
  whenQuiet(): Promise<void>
}

export function createRingingState(): RingingState {
  let ringing = false
  let waiting: (() => void)[] = []
  return {
    isRinging: () => ringing,
    set(next) {
      ringing = next
      if (ringing) return
      const release = waiting
      waiting = []
      for (const resolve of release) resolve()
    },
    whenQuiet: () =>
      ringing ? new Promise<void>((resolve) => waiting.push(resolve)) : Promise.resolve(),
  }
}
