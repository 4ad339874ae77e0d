import { useEffect, useState } from 'react'

/**
 * The current time, refreshed every `everyMs`: relative ages in the list ("2 h 14 m") and
 * snoozes that run out move on without a new row from the cache.
 */
export function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs)
    return () => clearInterval(timer)
  }, [everyMs])
  return now
}
