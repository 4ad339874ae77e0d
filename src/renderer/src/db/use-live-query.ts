import { liveQuery } from 'dexie'
import { useEffect, useState, type DependencyList } from 'react'

type Answer<T> = { readonly value: T } | { readonly error: unknown }

/**
 * Subscribes to a Dexie query and re-renders whenever the tables it read change, so views show
 * what is in IndexedDB without copying it into a store. `undefined` until the first answer. A
 * query that fails throws during render, so the view's error boundary (`ViewErrorBoundary`) says
 * what went wrong instead of the view waiting forever.
 *
 * While the deps change, the previous answer stays until the new one arrives (no "Loading…" flash
 * on every filter change). Not `dexie-react-hooks`: with errors thrown here it would add a
 * dependency to the product owner's fixed stack for the same twenty lines.
 */
export function useLiveQuery<T>(
  querier: () => Promise<T> | T,
  deps: DependencyList,
): T | undefined {
  const [answer, setAnswer] = useState<Answer<T> | undefined>(undefined)
  useEffect(() => {
    const subscription = liveQuery(querier).subscribe({
      next: (value) => setAnswer({ value }),
      error: (error: unknown) => setAnswer({ error }),
    })
    return () => subscription.unsubscribe()
    // The caller's deps decide when the query is rebuilt, as with useMemo.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps)
  if (answer === undefined) return undefined
  if ('error' in answer) throw answer.error
  return answer.value
}
