import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { createJsmClient } from '../../src/main/gateway/provider/jsm/client'
import { startBrowserMode } from '../../src/main/web/browser-mode'
import { startSimulator } from '../../src/simulator/index'
import { startJsmSimulator } from '../../src/simulator/jsm/index'
import { alertRows } from './support/browser-mode'

const RENDERER_ROOT = join(process.cwd(), 'out/renderer')

/**
 * Issue 16, item 3 in Chromium: a responder's Opsgenie workspace (an Opsgenie simulator on this
 * computer, connected through the connect form) moves to its JSM site (a JSM simulator with the
 * same demo data) from Settings. Not the Demo workspace: its secrets are made by Ondeck and the
 * move refuses it; browser mode gives no second, JSM site for it to move to.
 */
test('an Opsgenie workspace moves to its JSM site from Settings, keeps its alerts and goes on live', async ({
  browser,
}) => {
  test.setTimeout(180_000)
  const key = `og-${randomUUID()}`
  const opsgenie = await startSimulator({ keys: [{ key, kind: 'global' }], seed: 'demo' })
  const account = { email: 'jo@example.com', apiToken: `tok-${randomUUID()}` }
  const site = await startJsmSimulator({
    accounts: [account],
    cloudId: `cloud-${randomUUID().slice(0, 8)}`,
    seed: 'demo',
    processingDelayMs: 0,
  })
  // No Secret Service on a test machine: secrets live in memory; the form and the checks are real
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
    await form.getByLabel('Workspace name').fill('Acme')
    await form.getByLabel('Opsgenie host').selectOption('custom')
    await form.getByLabel('API URL').fill(opsgenie.url)
    await form.getByLabel('API key').fill(key)
    await form.getByRole('button', { name: 'Connect' }).click()
    const connected = form.getByRole('status').filter({ hasText: 'Connected to Acme' })
    await expect(connected).toBeVisible({ timeout: 30_000 })
    await connected.getByRole('button', { name: 'Open Acme' }).click()
    const open = [...opsgenie.state.alerts.values()].find((a) => a.status === 'open')
    await expect(
      alertRows(page)
        .filter({ hasText: open?.message ?? '-' })
        .first(),
    ).toBeVisible({ timeout: 30_000 })

    await page
      .getByRole('navigation', { name: 'Views' })
      .getByRole('button', { name: 'Settings', exact: true })
      .click()
    const card = page.locator('li[data-workspace-id="acme"]')
    await card.getByRole('button', { name: 'Move to Jira Service Management' }).click()
    const move = card.getByRole('form', { name: 'Move Acme to Jira Service Management' })
    await move.getByLabel('Site URL').fill(site.url)
    await move.getByLabel('E-mail of your Atlassian account').fill(account.email)
    await move.getByLabel('API token').fill(account.apiToken)
    await move.getByText('Advanced').click()
    await move.getByLabel(/API URL/).fill(site.url)
    await move.getByRole('button', { name: 'Move to Jira Service Management' }).click()
    const done = card
      .getByRole('status')
      .filter({ hasText: 'Acme is now on Jira Service Management' })
    await expect(done).toBeVisible({ timeout: 60_000 })
    await expect(done).toContainText(/Alerts: [1-9]\d* matched/)
    await expect(done).toContainText('0 not matched')
    await done.scrollIntoViewIfNeeded()
    await page.screenshot({ path: join(process.cwd(), 'test-results/move-to-jsm.png') })
    // the token went to main's keychain, never into the page's storage
    const stored = await page.evaluate(
      () =>
        new Promise<string>((resolve, reject) => {
          const req = indexedDB.open('ondeck-settings')
          req.onerror = () => reject(new Error('could not open ondeck-settings'))
          req.onsuccess = () => {
            const all = req.result.transaction('workspaces').objectStore('workspaces').getAll()
            all.onsuccess = () => resolve(JSON.stringify(all.result))
          }
        }),
    )
    expect(stored).toContain('"provider":"jsm"')
    expect(stored).not.toContain(account.apiToken)

    // the alerts are there under their JSM ids, and one made on the JSM site afterwards arrives
    await page
      .getByRole('navigation', { name: 'Views' })
      .getByRole('button', { name: 'Alerts', exact: true })
      .click()
    await expect(
      alertRows(page)
        .filter({ hasText: open?.message ?? '-' })
        .first(),
    ).toBeVisible({ timeout: 30_000 })
    const client = createJsmClient({
      apiUrl: site.url,
      siteUrl: site.url,
      cloudId: site.cloudId,
      email: account.email,
      apiToken: account.apiToken,
    })
    const message = `Queue backed up on jsm-${randomUUID().slice(0, 8)}`
    await client.alerts.create({ message, alias: `e2e-move-${randomUUID()}`, priority: 'P3' })
    await expect(alertRows(page).filter({ hasText: message })).toBeVisible({ timeout: 60_000 })
  } finally {
    await context.close()
    await plain.close()
    await site.close()
    await opsgenie.close()
  }
})
