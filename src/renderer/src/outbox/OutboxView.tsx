import { useEffect, type ReactElement } from 'react'
import { addressed } from '../../../shared/commands/catalogue'
import { useStatusStore } from '../app/status-store'
import { useWorkspace } from '../app/workspace-context'
import { useLiveQuery } from '../db/use-live-query'
import type { TargetName, TargetNames } from './describe'
import { useOutbox } from './outbox-context'
import { OutboxPanel } from './OutboxPanel'
import { useOutboxCommands } from './use-outbox'

/** Alert and incident numbers and titles from the cache, for the commands the outbox holds. */
function useTargetNames(): TargetNames {
  const { db: outboxDb, workspaceId } = useOutbox()
  const { db } = useWorkspace()
  const commands = useOutboxCommands(outboxDb, workspaceId)
  const alertIds = new Set<string>()
  const incidentIds = new Set<string>()
  for (const c of commands) {
    const a = addressed(c)
    if (a.target === 'alert') alertIds.add(a.input.alertId)
    if (a.target === 'incident') incidentIds.add(a.input.incidentId)
  }
  const key = [...alertIds, '|', ...incidentIds].join(',')
  const found = useLiveQuery(async () => {
    const [alerts, incidents] = await Promise.all([
      db.alerts.bulkGet([...alertIds]),
      db.incidents.bulkGet([...incidentIds]),
    ])
    const names = new Map<string, TargetName>()
    for (const a of alerts)
      if (a) names.set(`alert:${a.id}`, { number: a.tinyId, title: a.message })
    for (const i of incidents)
      if (i) names.set(`incident:${i.id}`, { number: i.tinyId, title: i.message })
    return names
  }, [db, key])
  return (target, id) => found?.get(`${target}:${id}`)
}

/** Looking at the Outbox is reading its failures: the status bar stops counting them. */
function useMarkFailuresSeen(): void {
  const { db, workspaceId } = useOutbox()
  const commands = useOutboxCommands(db, workspaceId)
  const markFailuresSeen = useStatusStore((s) => s.markFailuresSeen)
  useEffect(() => markFailuresSeen(Date.now()), [commands, markFailuresSeen])
}

/** The open workspace's outbox: every command with its state, retry, cancel and "send now". */
export function OutboxView(): ReactElement {
  const { db, engine, workspaceId } = useOutbox()
  const names = useTargetNames()
  useMarkFailuresSeen()
  return (
    <div className="page outbox-view">
      <OutboxPanel db={db} workspaceId={workspaceId} engine={engine} names={names} />
    </div>
  )
}
