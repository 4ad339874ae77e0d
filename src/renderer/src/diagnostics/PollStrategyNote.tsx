import type { ReactElement } from 'react'
import type { PollStrategy } from '../../../shared/ipc/schemas'
import { useStatusStore } from '../app/status-store'

const ALERTS: Readonly<Record<PollStrategy['alerts'], string>> = {
  'updatedAt-query': 'searched with updatedAt>= (works, though Opsgenie does not document it)',
  'updatedAt-sort':
    'listed newest-updated first (documented sort; Opsgenie refused or ignored the updatedAt search)',
}
const INCIDENTS: Readonly<Record<PollStrategy['incidents'], string>> = {
  'updatedAt-query': 'searched with updatedAt>= (works, though Opsgenie does not document it)',
  'recent-snapshot':
    'read from the 500 most recently created open and resolved incidents (Opsgenie refused or ignored the updatedAt search; changes to older ones are missed)',
}

/**
 * Without a relay Ondeck polls, and how it finds changes depends on what Opsgenie accepts
 * (main's `changed-since.ts`); a responder or support reads here which strategy runs.
 */
export function PollStrategyNote(): ReactElement | null {
  const strategy = useStatusStore((s) => s.health?.pollStrategy)
  if (strategy === undefined) return null
  return (
    <dl className="poll-strategy" aria-label="Poll strategy">
      <dt>Alerts</dt>
      <dd>{ALERTS[strategy.alerts]}</dd>
      <dt>Incidents</dt>
      <dd>{INCIDENTS[strategy.incidents]}</dd>
    </dl>
  )
}
