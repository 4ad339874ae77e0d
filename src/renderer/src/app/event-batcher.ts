/**
 * Collects events that arrive close together and hands them over as one batch, so a storm of
 * webhooks becomes a few Dexie transactions instead of one per event. Batches are applied one
 * after another, in arrival order, never concurrently.
 */
export interface EventBatcher<T> {
  push(item: T): void
  /** Applies whatever is buffered now and resolves when every batch so far is applied. */
  flush(): Promise<void>
}

export function createEventBatcher<T>(
  apply: (batch: T[]) => Promise<unknown>,
  options: { windowMs?: number; maxBatch?: number; onError?: (error: unknown) => void } = {},
): EventBatcher<T> {
  const windowMs = options.windowMs ?? 50
  const maxBatch = options.maxBatch ?? 1000
  let buffer: T[] = []
  let timer: ReturnType<typeof setTimeout> | undefined
  let chain: Promise<void> = Promise.resolve()

  const drain = (): Promise<void> => {
    if (timer !== undefined) clearTimeout(timer)
    timer = undefined
    if (buffer.length === 0) return chain
    const batch = buffer
    buffer = []
    chain = chain
      .then(() => apply(batch).then(() => undefined))
      .catch((error: unknown) => options.onError?.(error))
    return chain
  }

  return {
    push(item) {
      buffer.push(item)
      if (buffer.length >= maxBatch) void drain()
      else timer ??= setTimeout(() => void drain(), windowMs)
    },
    flush: drain,
  }
}
