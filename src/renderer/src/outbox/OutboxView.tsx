import type { ReactElement } from 'react'
import { useOutbox } from './outbox-context'
import { OutboxPanel } from './OutboxPanel'

/** The open workspace's outbox: every command with its state, retry, cancel and "send now". */
export function OutboxView(): ReactElement {
  const { db, engine, workspaceId } = useOutbox()
  return (
    <div className="page outbox-view">
      <OutboxPanel db={db} workspaceId={workspaceId} engine={engine} />
    </div>
  )
}
