import type { ReactElement } from 'react'
import { assertNever } from '../../../shared/assert-never'
import {
  COORDINATION_TABS,
  useCoordinationViewStore,
  type CoordinationTab,
} from './coordination-view-store'
import { IncidentList } from './IncidentList'
import { ServicesImportView } from '../services/ServicesImportView'
import { WorkflowsView } from '../workflows/WorkflowsView'
import './coordination.css'

const TAB_LABEL: Readonly<Record<CoordinationTab, string>> = {
  incidents: 'Incidents',
  workflows: 'Workflows',
  services: 'Services import',
}

function TabPanel(props: { tab: CoordinationTab }): ReactElement {
  switch (props.tab) {
    case 'incidents':
      return <IncidentList />
    case 'workflows':
      return <WorkflowsView />
    case 'services':
      return <ServicesImportView />
    default:
      return assertNever(props.tab)
  }
}

/**
 * The one Incidents view: Opsgenie's incidents and the ones coordinated on this computer in one
 * list, with the coordination tools (workflows, services import) as tabs beside it rather than
 * a separate "Coordination" place, since workflows act on these same incidents.
 */
export function IncidentsView(): ReactElement {
  const tab = useCoordinationViewStore((s) => s.tab)
  const setTab = useCoordinationViewStore((s) => s.setTab)
  return (
    <div className="page coordination-view">
      <h2 className="visually-hidden">Incidents</h2>
      <div role="tablist" aria-label="Incidents" className="button-row">
        {COORDINATION_TABS.map((t) => (
          <button
            key={t}
            type="button"
            role="tab"
            id={`coordination-tab-${t}`}
            aria-selected={t === tab}
            aria-controls="coordination-panel"
            tabIndex={t === tab ? 0 : -1}
            onClick={() => setTab(t)}
            onKeyDown={(e) => {
              const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0
              if (step === 0) return
              const n = COORDINATION_TABS.length
              const next = COORDINATION_TABS[(COORDINATION_TABS.indexOf(t) + step + n) % n]
              if (next === undefined) return
              setTab(next)
              document.getElementById(`coordination-tab-${next}`)?.focus()
            }}
          >
            {TAB_LABEL[t]}
          </button>
        ))}
      </div>
      <div role="tabpanel" id="coordination-panel" aria-labelledby={`coordination-tab-${tab}`}>
        <TabPanel tab={tab} />
      </div>
    </div>
  )
}
