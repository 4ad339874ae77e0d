import type { CacheDb } from './cache-db'

/** How long whole-cache reads wait for a list that may never read this cache (another view). */
export const FIRST_SCREEN_WAIT_MS = 1_000

interface Gate {
  readonly shown: Promise<void>
  show(): void
}

const gates = new WeakMap<CacheDb, Gate>()

function gateOf(db: CacheDb): Gate {
  let gate = gates.get(db)
  if (gate === undefined) {
    let show = (): void => undefined
    const shown = new Promise<void>((resolve) => (show = resolve))
    gate = { shown, show }
    gates.set(db, gate)
  }
  return gate
}

/**
 * The alert list's first screen is read before what reads the whole cache (the full set, the
 * tray's counts; not restoring what rings, which matters as much). IndexedDB answers one request after another: queued behind
 * their pages of 2,000 rows, the first screen of a 100,000-alert cache waited ~600 ms at launch.
 * The list calls this once its top rows answered.
 */
export function firstScreenShown(db: CacheDb): void {
  gateOf(db).show()
}

/**
 * Resolves once the list showed its first screen of `db`, or after `waitMs` when no list reads
 * it (a workspace in the background, another view on screen): never later than that, and at once
 * after either happened.
 */
export function afterFirstScreen(db: CacheDb, waitMs = FIRST_SCREEN_WAIT_MS): Promise<void> {
  const gate = gateOf(db)
  // the wait happens once per cache: when it ends, the gate stays open for every later reader
  const timer = setTimeout(gate.show, waitMs)
  return gate.shown.then(() => clearTimeout(timer))
}
