import { liveQuery } from 'dexie'
import { useEffect, useState, type DependencyList } from 'react'

/**
 * Subscribes to a Dexie query and re-renders whenever the tables it read change, so views show
 * what is in IndexedDB without copying it into a store. `undefined` until the first answer.
 */
export function useLiveQuery<T>(
  querier: () => Promise<T> | T,
  deps: DependencyList,
): T | undefined {
  const [result, setResult] = useState<{ value: T } | undefined>(undefined)
  useEffect(() => {
    const subscription = liveQuery(querier).subscribe({
      next: (value) => setResult({ value }),
      error: (error: unknown) => console.error('live query failed', error),
    })
    return () => subscription.unsubscribe()
    // The caller's deps decide when the query is rebuilt, as with useMemo.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps)
  return result?.value
}
