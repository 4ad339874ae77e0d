import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { createJsmClient } from '../../src/main/gateway/provider/jsm/client'
import { startBrowserMode, type BrowserMode } from '../../src/main/web/browser-mode'
import { startJsmSimulator } from '../../src/simulator/jsm/index'
import {
  alertRows,
  closeAlert,
  createAlert as createAlertElsewhere,
  openDemo,
  startDemoMode,
} from './support/browser-mode'
import { writeOutboxSettings } from './support/outbox-crash'

/** Fast retries, as the Opsgenie offline journey uses, so the resend happens within the test. */
const TUNING = { reconcileAfterMs: 500, backoffBaseMs: 200, backoffCapMs: 800, undoHoldMs: 0 }

/**
 * The Demo workspace's journey once more with the Demo speaking Jira Service Management (issue 16,
 * item 6): `npm run web -- --demo --provider jsm` in this process, the built renderer in Chromium.
 * "Elsewhere" is the JSM simulator's own API with the demo's e-mail and token. The steps both
 * providers share (alert live, acknowledge, keyboard, closed elsewhere, diagnostics) run for each
 * in browser-mode.spec.ts; these are JSM's own: an offline acknowledgement that lands once, paging
 * a team, an incident that is a Jira issue, and connecting a JSM site through the connect form.
 */
const RENDERER_ROOT = join(process.cwd(), 'out/renderer')
let mode: BrowserMode

test.beforeAll(async () => {
  mode = await startDemoMode({ provider: 'jsm' })
})
test.afterAll(async () => {
  await mode.close()
})

test.describe.configure({ mode: 'serial' })

function demo() {
  const running = mode.demoWorkspace()
  if (running === undefined) throw new Error('the page has not opened the Demo workspace yet')
  return running
}

/** An alert made elsewhere: through the JSM ops API with the demo's e-mail and token. */
const createAlert = (message: string, priority: 'P1' | 'P2' | 'P3') =>
  createAlertElsewhere(mode, { message, priority })

function simAlertRecord(alias: string) {
  for (const a of demo().simulator.state.alerts.values()) if (a.alias === alias) return a
  return undefined
}

const simAlert = (alias: string) => () => {
  for (const a of demo().simulator.state.alerts.values())
    if (a.alias === alias)
      return {
        acknowledged: a.acknowledged,
        status: a.status,
        acks: a.logs.filter((l) => l.log.startsWith('Alert acknowledged')).length,
      }
  return undefined
}

test('acknowledging from the list reaches JSM once, also after the network failed', async ({
  browser,
}) => {
  const { context, page } = await openDemo(browser, mode)
  try {
    await writeOutboxSettings(page, TUNING)
    await page.goto(mode.launchUrl())
    await expect(alertRows(page).first()).toBeVisible()
    const alert = await createAlert('API latency high', 'P2')
    const row = alertRows(page).filter({ hasText: alert.message })
    await row.click({ timeout: 20_000 })
    await expect(page.locator('#alert-detail-title')).toContainText(alert.message)
    // every request to JSM is cut: the acknowledgement waits in the outbox
    demo().simulator.setFaults({ resetRate: 1 })
    await page
      .getByRole('toolbar', { name: 'Alert actions' })
      .getByRole('button', { name: 'Acknowledge' })
      .click()
    await expect(row).toContainText('Acknowledged', { timeout: 20_000 })
    expect(simAlert(alert.alias)()).toMatchObject({ acknowledged: false })
    demo().simulator.setFaults({})
    await expect
      .poll(simAlert(alert.alias), { timeout: 30_000 })
      .toMatchObject({ acknowledged: true })
    await demo().simulator.flushWebhooks()
    expect(simAlert(alert.alias)()).toMatchObject({ acks: 1 })
  } finally {
    demo().simulator.setFaults({})
    await context.close()
  }
})

test('a P1 closed elsewhere leaves the open list and the ringing count', async ({ browser }) => {
  const { context, page } = await openDemo(browser, mode)
  try {
    const ringing = page.getByRole('status', { name: /ringing, unacknowledged/ })
    const before = Number((await ringing.textContent())?.match(/\d+/)?.[0] ?? 0)
    const alert = await createAlert('Payments down', 'P1')
    await expect(alertRows(page).filter({ hasText: alert.message })).toBeVisible({
      timeout: 20_000,
    })
    await expect(ringing).toContainText(`${before + 1} ringing`)
    await closeAlert(mode, alert.alias)
    await expect
      .poll(simAlert(alert.alias), { timeout: 20_000 })
      .toMatchObject({ status: 'closed' })
    await expect(alertRows(page).filter({ hasText: alert.message })).toHaveCount(0, {
      timeout: 20_000,
    })
    await expect(ringing).toContainText(`${before} ringing`)
  } finally {
    await context.close()
  }
})

/** A team's name in the JSM simulator's directory, from its id (responders carry ids). */
function teamName(id: string): string | undefined {
  return demo().simulator.state.teams.find((t) => t.id === id)?.name
}

test('paging a team: Add responder on an alert makes the team a responder of the JSM alert', async ({
  browser,
}) => {
  const { context, page } = await openDemo(browser, mode)
  try {
    const alert = await createAlert('Search index stale', 'P3')
    await alertRows(page).filter({ hasText: alert.message }).click({ timeout: 20_000 })
    await expect(page.locator('#alert-detail-title')).toContainText(alert.message)
    const detail = page.getByRole('article')
    await detail.getByRole('button', { name: /^Add responder/ }).click()
    const add = detail.getByRole('form', { name: 'Add responder' })
    await add.getByLabel('Responder type').selectOption('team')
    const picker = add.getByRole('combobox', { name: 'Responder', exact: true })
    // the teams the directory import cached from JSM's platformTeams, by name
    const names = demo().simulator.state.teams.map((t) => t.name)
    const team = names[names.length - 1] ?? '-'
    await picker.selectOption({ label: team })
    await add.getByRole('button', { name: 'Add responder' }).click()
    const responders = () =>
      simAlertRecord(alert.alias)
        ?.responders.filter((r) => r.type === 'team')
        .map((r) => teamName(r.id))
    await expect.poll(responders, { timeout: 30_000 }).toEqual([team])
    // and the app shows it back by name once JSM's change comes in
    await expect(detail.getByRole('region', { name: 'Responders' })).toContainText(team, {
      timeout: 30_000,
    })
    // to look at (not committed): names from the JSM directory, not ids
    await page.screenshot({ path: join(process.cwd(), 'test-results/jsm-demo-alert.png') })
  } finally {
    await context.close()
  }
})

test('declaring from a P1 alert opens an incident that is a Jira issue, joined in the one list, pages a team, resolved by the workflow', async ({
  browser,
}) => {
  test.setTimeout(90_000)
  const { context, page } = await openDemo(browser, mode)
  try {
    const alert = await createAlert('Checkout failing', 'P1')
    await alertRows(page).filter({ hasText: alert.message }).click({ timeout: 20_000 })
    await page
      .getByRole('toolbar', { name: 'Alert actions' })
      .getByRole('button', { name: /Declare incident/ })
      .click()
    const form = page.getByRole('form', { name: 'Declare incident' })
    await expect(form.getByRole('textbox', { name: 'Title' })).toHaveValue(alert.message)
    await form.getByRole('button', { name: 'Declare' }).click()
    await expect(page.getByRole('heading', { level: 2, name: alert.message })).toBeVisible()
    // the outbox's create reaches JSM as an issue of the Demo's incident project, exactly once
    const issues = () =>
      [...demo().simulator.state.incidents.values()].filter((i) => i.message === alert.message)
    await expect.poll(() => issues().length, { timeout: 30_000 }).toBe(1)
    expect(issues()[0]).toMatchObject({ status: 'open', priority: 'P1' })
    expect(issues()[0]?.tags.some((t) => t.startsWith('ondeck-'))).toBe(true)
    const row = page
      .getByRole('list', { name: 'Incident list' })
      .getByRole('button')
      .filter({ hasText: alert.message })
    await expect(row).toHaveCount(1, { timeout: 30_000 })
    // pages a team from the incident: a JSM alert with that team as responder, linked by details
    await page.getByRole('button', { name: 'Page…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Page responders' })
    await dialog.getByLabel('Target type').selectOption('team')
    const team = await dialog.getByLabel('Name').inputValue()
    expect(team).not.toBe('')
    await dialog.getByRole('button', { name: 'Page', exact: true }).click()
    await expect(dialog.getByRole('status')).toContainText(`Paged team ${team}`, {
      timeout: 20_000,
    })
    const paged = () =>
      [...demo().simulator.state.alerts.values()]
        .filter((a) => a.message.endsWith(`] ${alert.message}`))
        .map((a) => a.responders.filter((r) => r.type === 'team').map((r) => teamName(r.id)))
    await expect.poll(paged, { timeout: 30_000 }).toEqual([[team]])
    // resolved from here: the workflow's resolving transition, through the outbox
    await page
      .getByRole('toolbar', { name: 'Incident status' })
      .getByRole('button', { name: 'Resolve' })
      .click({ timeout: 30_000 })
    await expect.poll(() => issues()[0]?.status, { timeout: 30_000 }).toBe('resolved')
  } finally {
    await context.close()
  }
})

test('the connect form offers Jira Service Management: site, e-mail, API token, Advanced API URL', async ({
  browser,
}) => {
  const plain = await startBrowserMode({
    rendererRoot: RENDERER_ROOT,
    version: '0.0.0-e2e',
    keychainService: `ondeck-e2e-${randomUUID()}`,
  })
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  try {
    const page = await context.newPage()
    await page.goto(plain.launchUrl())
    const form = page.getByRole('form', { name: 'Connect a workspace' })
    await form.getByLabel('Paging service').selectOption('jsm')
    await expect(form.getByLabel('Opsgenie host')).toHaveCount(0)
    await form.getByLabel('Workspace name').fill('Acme JSM')
    await form.getByLabel('Site URL').fill('http://acme.atlassian.net')
    await form.getByLabel('API token').fill('t0ken')
    await form.getByText('Advanced').click()
    await expect(form.getByLabel(/API URL/)).toHaveAttribute(
      'placeholder',
      'https://api.atlassian.com',
    )
    await form.getByRole('button', { name: 'Connect' }).click()
    await expect(
      form.getByRole('alert').filter({ hasText: /plain http is allowed only/ }),
    ).toBeVisible()
    await expect(
      form.getByRole('alert').filter({ hasText: /e-mail of the Atlassian account/ }),
    ).toBeVisible()
    await page.screenshot({
      path: join(process.cwd(), 'test-results/jsm-connect-form.png'),
      fullPage: true,
    })
  } finally {
    await context.close()
    await plain.close()
  }
})

test('a responder connects a JSM site through the connect form and sees its alerts', async ({
  browser,
}) => {
  test.setTimeout(120_000)
  // A JSM site of its own on this computer (site and API on one origin), its demo data seeded.
  const account = { email: 'jo@example.com', apiToken: `tok-${randomUUID()}` }
  const site = await startJsmSimulator({
    accounts: [account],
    cloudId: `cloud-${randomUUID().slice(0, 8)}`,
    seed: 'demo',
    processingDelayMs: 0,
  })
  // No Secret Service on a test machine: the token lives in memory; the form and the check are real
  const plain = await startBrowserMode({
    rendererRoot: RENDERER_ROOT,
    version: '0.0.0-e2e',
    keychainService: `ondeck-e2e-${randomUUID()}`,
    secrets: 'memory',
  })
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  try {
    const page = await context.newPage()
    await page.goto(plain.launchUrl())
    const form = page.getByRole('form', { name: 'Connect a workspace' })
    await form.getByLabel('Paging service').selectOption('jsm')
    await form.getByLabel('Workspace name').fill('Acme JSM')
    await form.getByLabel('Site URL').fill(site.url)
    await form.getByLabel('E-mail of your Atlassian account').fill(account.email)
    await form.getByLabel('API token').fill(account.apiToken)
    await form.getByLabel(/Incident project key/).fill('OPS')
    await form.getByText('Advanced').click()
    await form.getByLabel(/API URL/).fill(site.url)
    await form.getByRole('button', { name: 'Connect' }).click()
    const connected = form.getByRole('status').filter({ hasText: 'Connected to Acme JSM' })
    await expect(connected).toBeVisible({ timeout: 30_000 })
    // main found the cloud id from the site and checked what the token can do, the OPS project too
    await expect(connected).toContainText('Can act on alerts')
    await expect(connected).toContainText('Incidents available')
    // and says in plain words what will not work
    await expect(connected).toContainText(
      'Services unavailable: JSM Operations has no services API',
    )
    await connected.scrollIntoViewIfNeeded()
    await page.screenshot({ path: join(process.cwd(), 'test-results/jsm-connected.png') })
    await connected.getByRole('button', { name: 'Open Acme JSM' }).click()
    await expect(page.getByTestId('status-workspace')).toContainText('Acme JSM', {
      timeout: 30_000,
    })
    // the site's open alerts, read through the JSM API with the e-mail and token typed above
    const open = [...site.state.alerts.values()].find((a) => a.status === 'open')
    expect(open).toBeDefined()
    await expect(
      alertRows(page)
        .filter({ hasText: open?.message ?? '-' })
        .first(),
    ).toBeVisible({
      timeout: 30_000,
    })
    // and one made there afterwards arrives (no relay: polling)
    const client = createJsmClient({
      apiUrl: site.url,
      siteUrl: site.url,
      cloudId: site.cloudId,
      email: account.email,
      apiToken: account.apiToken,
    })
    const alias = `e2e-jsm-${randomUUID()}`
    const message = `Cache cold on web-3 ${alias.slice(8, 16)}`
    await client.alerts.create({ message, alias, priority: 'P3' })
    await expect(alertRows(page).filter({ hasText: message })).toBeVisible({ timeout: 45_000 })
  } finally {
    await context.close()
    await plain.close()
    await site.close()
  }
})
