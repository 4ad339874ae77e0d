/**
 * The benchmarks' one wait: polls `check` until it holds, or fails naming `what`. Benchmarks run
 * under tsx, not vitest, so the tests' `vi.waitFor` is not available here.
 */
export { pollUntil as until } from '../test/support/poll-until'
