import { createContext, useContext, type ReactElement, type ReactNode } from 'react'
import type { OutboxEngine } from './engine'
import type { OutboxDb } from './outbox-db'

/** The open workspace's outbox: its engine (enqueue, retry, ...) and the database views read. */
export interface OpenOutbox {
  readonly db: OutboxDb
  readonly engine: OutboxEngine
  readonly workspaceId: string
}

const OutboxContext = createContext<OpenOutbox | null>(null)

export function OutboxProvider(props: { outbox: OpenOutbox; children: ReactNode }): ReactElement {
  return <OutboxContext value={props.outbox}>{props.children}</OutboxContext>
}

export function useOutbox(): OpenOutbox {
  const outbox = useContext(OutboxContext)
  if (outbox === null) throw new Error('useOutbox() outside <OutboxProvider>')
  return outbox
}
