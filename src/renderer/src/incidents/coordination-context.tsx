import { createContext, useContext, useMemo, type ReactElement, type ReactNode } from 'react'
import type { Coordination } from './coordination'
import type { CacheDb } from '../db/cache-db'
import type { OutboxDb } from '../outbox/outbox-db'

/**
 * What the coordination screens need, handed in by the composition root rather than reached
 * for, so the screens run in tests over a real `Coordination` without the app's providers.
 */
export interface OpenCoordination {
  readonly coordination: Coordination
  /** The workspace's cache: directory lists for pickers, alerts to attach, service overviews. */
  readonly cache: CacheDb
  /** Joins timeline entries to their commands' states ("sent", "failed"). */
  readonly outboxDb?: OutboxDb
}

const CoordinationContext = createContext<OpenCoordination | null>(null)

export function CoordinationProvider(
  props: OpenCoordination & { children: ReactNode },
): ReactElement {
  const { children, coordination, cache, outboxDb } = props
  const value = useMemo(
    () => ({ coordination, cache, ...(outboxDb !== undefined ? { outboxDb } : {}) }),
    [coordination, cache, outboxDb],
  )
  return <CoordinationContext value={value}>{children}</CoordinationContext>
}

export function useCoordination(): OpenCoordination {
  const value = useContext(CoordinationContext)
  if (value === null) throw new Error('useCoordination() outside <CoordinationProvider>')
  return value
}
