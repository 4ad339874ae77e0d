import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import type { AppServices } from './app/services'
import { SettingsDb } from './app/settings-db'
import { CacheDb } from './db/cache-db'
import { ondeck } from './ipc/ondeck'
import { OutboxDb } from './outbox/outbox-db'
import { createIngest } from './sync'
import './styles/theme.css'
import './styles/layout.css'
import './styles/overlays.css'

/** The composition root: databases and the API are made here once and injected. */
const services: AppServices = {
  api: ondeck(),
  settings: new SettingsDb(),
  openCache: (workspaceId) => new CacheDb(workspaceId).openOrExplain(),
  createIngest: (db) => createIngest(db),
  outbox: new OutboxDb(),
}

const root = document.getElementById('root')
if (root === null) throw new Error('index.html has no #root element')
createRoot(root).render(
  <StrictMode>
    <App services={services} hash={window.location.hash} />
  </StrictMode>,
)
