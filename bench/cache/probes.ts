/**
 * Main-thread probes that run inside the page while something is measured: Chromium's
 * `longtask` entries (tasks over 50 ms, with their duration) and the largest gap between
 * animation frames (which also catches a run of short tasks that starves rendering).
 */
export interface BlockingReport {
  /** Longest task Chromium reported as a long task (>= 50 ms); 0 when none. */
  readonly longestTaskMs: number
  readonly longTasks: number
  /** Sum of all long tasks' durations. */
  readonly longTaskTotalMs: number
  /** Largest gap between consecutive requestAnimationFrame callbacks. */
  readonly maxFrameGapMs: number
  readonly frames: number
}

export interface BlockingProbe {
  stop(): BlockingReport
}

export function startBlockingProbe(): BlockingProbe {
  const tasks: number[] = []
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) tasks.push(entry.duration)
  })
  observer.observe({ type: 'longtask' })
  let running = true
  let last = performance.now()
  let maxGap = 0
  let frames = 0
  const onFrame = (now: number): void => {
    if (!running) return
    maxGap = Math.max(maxGap, now - last)
    last = now
    frames += 1
    requestAnimationFrame(onFrame)
  }
  requestAnimationFrame(onFrame)
  return {
    stop() {
      running = false
      maxGap = Math.max(maxGap, performance.now() - last)
      // Entries of tasks that ended before stop() are queued but maybe not delivered yet.
      for (const entry of observer.takeRecords()) tasks.push(entry.duration)
      observer.disconnect()
      return {
        longestTaskMs: round(Math.max(0, ...tasks)),
        longTasks: tasks.length,
        longTaskTotalMs: round(tasks.reduce((a, b) => a + b, 0)),
        maxFrameGapMs: round(maxGap),
        frames,
      }
    },
  }
}

export function round(n: number): number {
  return Math.round(n * 100) / 100
}
