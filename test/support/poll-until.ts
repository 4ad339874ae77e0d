/**
 * Polls `check` every `intervalMs` until it holds, or fails naming `what`. For code that runs
 * both in tests and in the benchmarks (tsx, not vitest, where `vi.waitFor` is not available).
 */
export async function pollUntil(
  what: string,
  check: () => boolean | Promise<boolean>,
  timeoutMs: number,
  intervalMs = 10,
): Promise<void> {
  const deadline = performance.now() + timeoutMs
  while (!(await check())) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, intervalMs))
  }
}
