import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import type { AppServices } from './app/services'
import { SettingsDb } from './settings/settings-db'
import { CoordinationDb, coordinationDbName } from './incidents/coordination'
import { CacheDb } from './db/cache-db'
import { obtainSession, takeLaunchToken } from './ipc/launch-credential'
import { ondeck } from './ipc/ondeck'
import { OutboxDb } from './outbox/outbox-db'
import { createWorkerIngest } from './ingest/worker-ingest'
import { forwardErrorsToMainLog } from './diagnostics/main-log'
import './styles/theme.css'
import './styles/layout.css'
import './styles/overlays.css'

/**
 * Browser mode: the single-use launch token leaves the address bar before the page does anything
 * else, so what stays in the tab (and what a reload or a bookmark would use) carries no secret.
 */
const launch =
  window.ondeck === undefined ? takeLaunchToken(window.location, window.history) : undefined

/** The composition root: databases and the API are made here once and injected. */
async function start(root: HTMLElement): Promise<void> {
  let session: string | undefined
  if (window.ondeck === undefined) {
    const answer = await obtainSession(launch, window.sessionStorage)
    if (!answer.ok) return showRefusal(root, answer.message)
    session = answer.session
  }
  const services: AppServices = {
    api: ondeck(session),
    settings: new SettingsDb(),
    openCache: (workspaceId) => new CacheDb(workspaceId).openOrExplain(),
    openCoordination: (workspaceId) =>
      new CoordinationDb(coordinationDbName(workspaceId)).openOrExplain(),
    createIngest: (db, options) => createWorkerIngest(db, options),
    outbox: new OutboxDb(),
  }
  forwardErrorsToMainLog(window, services.api)
  createRoot(root).render(
    <StrictMode>
      <App services={services} hash={window.location.hash} />
    </StrictMode>,
  )
}

/** Browser mode without a session: say why and what to do, and open nothing. */
function showRefusal(root: HTMLElement, message: string): void {
  const notice = document.createElement('p')
  notice.setAttribute('role', 'alert')
  notice.className = 'launch-refused'
  notice.textContent = message
  root.replaceChildren(notice)
}

const root = document.getElementById('root')
if (root === null) throw new Error('index.html has no #root element')
void start(root)
