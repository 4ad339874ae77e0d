import { describe, expect, it, vi } from 'vitest'
import { createEventBatcher } from '../../../src/renderer/src/app/event-batcher'

describe('createEventBatcher', () => {
  it('applies events pushed within the window as one batch, in order', async () => {
    vi.useFakeTimers()
    try {
      const batches: number[][] = []
      const batcher = createEventBatcher<number>(async (b) => void batches.push(b), {
        windowMs: 50,
      })
      batcher.push(1)
      batcher.push(2)
      await vi.advanceTimersByTimeAsync(49)
      expect(batches).toEqual([])
      batcher.push(3)
      await vi.advanceTimersByTimeAsync(1)
      expect(batches).toEqual([[1, 2, 3]])
      batcher.push(4)
      await vi.advanceTimersByTimeAsync(50)
      expect(batches).toEqual([[1, 2, 3], [4]])
    } finally {
      vi.useRealTimers()
    }
  })

  it('flushes a full batch at once and never applies two batches concurrently', async () => {
    let running = 0
    let maxRunning = 0
    const seen: number[] = []
    let release: () => void = () => undefined
    const gate = new Promise<void>((resolve) => (release = resolve))
    const batcher = createEventBatcher<number>(
      async (b) => {
        running += 1
        maxRunning = Math.max(maxRunning, running)
        await gate
        seen.push(...b)
        running -= 1
      },
      { maxBatch: 2 },
    )
    batcher.push(1)
    batcher.push(2)
    batcher.push(3)
    batcher.push(4)
    release()
    await batcher.flush()
    expect(seen).toEqual([1, 2, 3, 4])
    expect(maxRunning).toBe(1)
  })

  it('reports a failing batch and keeps applying later ones', async () => {
    const errors: unknown[] = []
    const seen: number[] = []
    const batcher = createEventBatcher<number>(
      async (b) => {
        if (b.includes(1)) throw new Error('boom')
        seen.push(...b)
      },
      { onError: (e) => errors.push(e) },
    )
    batcher.push(1)
    await batcher.flush()
    batcher.push(2)
    await batcher.flush()
    expect(errors).toHaveLength(1)
    expect(seen).toEqual([2])
  })
})
