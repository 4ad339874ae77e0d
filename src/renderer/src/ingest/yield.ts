/**
 * A macrotask boundary, so rendering and input get a turn between slices. `scheduler.postTask`
 * (Chromium) or a MessageChannel message: unlike `setTimeout(0)`, neither is clamped to 4 ms
 * once nested, which over hundreds of slices would add up.
 */
export function yieldToMainThread(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: PostTaskScheduler }).scheduler
  if (scheduler?.postTask !== undefined) return scheduler.postTask(() => undefined)
  return new Promise((resolve) => {
    const channel = new MessageChannel()
    channel.port1.onmessage = () => {
      channel.port1.close()
      resolve()
    }
    channel.port2.postMessage(undefined)
  })
}

interface PostTaskScheduler {
  postTask?: (task: () => void, options?: { priority?: string }) => Promise<void>
}
