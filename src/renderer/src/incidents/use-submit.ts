import { useState } from 'react'

export interface Submit {
  busy: boolean
  error?: string
  /** Runs the call, keeping its error message for a `role="alert"` line. */
  run(call: () => Promise<unknown>): Promise<boolean>
}

/** The busy flag and error text every coordination form needs around one engine call. */
export function useSubmit(): Submit {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  return {
    busy,
    error,
    run: async (call) => {
      setBusy(true)
      setError(undefined)
      try {
        await call()
        return true
      } catch (err) {
        setError(err instanceof Error ? err.message : String(err))
        return false
      } finally {
        setBusy(false)
      }
    },
  }
}
