/**
 * Time and timers, injected so tests run without real sleeps: the governor and the relay client
 * in main, the outbox in the renderer. `setTimeout` returns a function that cancels the timer.
 * Each runtime picks its own `now()`: the governor a monotonic one, the outbox wall-clock time.
 */
export interface Clock {
  now(): number
  setTimeout(callback: () => void, ms: number): () => void
}
