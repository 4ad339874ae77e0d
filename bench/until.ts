/**
 * The benchmarks' one wait: polls `check` every `intervalMs` until it holds, or fails naming `what`.
 * Benchmarks run under tsx, not vitest, so the tests' `vi.waitFor` is not available here.
 */
export async function until(
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
