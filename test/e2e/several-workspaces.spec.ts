import { randomUUID } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import type { DemoWorkspace } from '../../src/main/demo/demo-workspace'
import { createOpsgenieClient } from '../../src/main/gateway/provider/opsgenie'
import type { BrowserMode } from '../../src/main/web/browser-mode'
import { notificationsSeen, openDemo, startDemoMode } from './support/browser-mode'

/**
 * Issue 17, "several workspaces at once": a responder on two accounts. Browser mode runs the Demo
 * and a second Demo-style workspace ("Demo EU": its own simulator and relay, same seed); the
 * page saves the second one and, after a reload, keeps both connected. (Two workspaces holding
 * the same alert id are covered in `test/renderer/app/several-workspaces.test.tsx`.)
 */
const EU = { id: 'demo-eu', name: 'Demo EU' }
const SCREENSHOTS = join(process.cwd(), 'docs/screenshots')
/** Shots to look at (not committed; outside test-results, which each Playwright run empties). */
const LOOK = join(tmpdir(), 'ondeck-several-workspaces')

let mode: BrowserMode
let eu: DemoWorkspace

test.describe.configure({ mode: 'serial' })

test.beforeAll(async () => {
  mkdirSync(LOOK, { recursive: true })
  mode = await startDemoMode()
  eu = await mode.startExtraDemo(EU)
})
test.afterAll(async () => {
  await mode.close()
})

/** Saves the second workspace in the page's settings database, as "Add workspace" would. */
async function saveWorkspace(page: Page, config: DemoWorkspace['config']): Promise<void> {
  await page.evaluate(
    (entry) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('ondeck-settings')
        open.onerror = () => reject(new Error('could not open ondeck-settings'))
        open.onsuccess = () => {
          const tx = open.result.transaction('workspaces', 'readwrite')
          tx.objectStore('workspaces').put(entry)
          tx.oncomplete = () => {
            open.result.close()
            resolve()
          }
          tx.onerror = () => reject(new Error('could not save the workspace'))
        }
      }),
    { id: config.id, config, addedAt: Date.now() },
  )
}

/** Serious and critical WCAG A/AA violations, one line per rule (as accessibility.spec.ts). */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze()
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes[0]?.html.slice(0, 160) ?? '?'}`)
}

function simulatorAlert(demo: DemoWorkspace, alias: string) {
  for (const alert of demo.simulator.state.alerts.values()) if (alert.alias === alias) return alert
  return undefined
}

function ringingIn(demo: DemoWorkspace): string[] {
  const ids: string[] = []
  for (const alert of demo.simulator.state.alerts.values())
    if (alert.status === 'open' && !alert.acknowledged && alert.priority === 'P1')
      ids.push(alert.id)
  return ids
}

test('two workspaces: both notify and ring, All workspaces lists both, actions land in the row’s own workspace', async ({
  browser,
}) => {
  const { context, page } = await openDemo(browser, mode)
  try {
    const demo = mode.demoWorkspace()
    if (demo === undefined) throw new Error('the Demo did not start')
    await saveWorkspace(page, eu.config)
    await page.reload()
    await expect(page.getByTestId('status-health')).toHaveAttribute('data-health', 'live', {
      timeout: 30_000,
    })

    const switcher = page.getByRole('combobox', { name: 'Workspace' })
    await expect(switcher.locator('option')).toHaveText(['All workspaces', 'Demo', 'Demo EU'])
    await expect(switcher).toHaveValue('demo')

    // Demo EU runs in the background: its P1s ring here, named, while Demo is on screen
    const elsewhere = page.getByRole('region', { name: 'Ringing in other workspaces' })
    await expect(elsewhere).toContainText('Demo EU:', { timeout: 30_000 })
    const total = ringingIn(demo).length + ringingIn(eu).length
    await expect(page).toHaveTitle(`(${total}) ringing · Ondeck`, { timeout: 30_000 })

    // news in the background workspace notifies, its title naming the workspace
    const euClient = createOpsgenieClient({ host: eu.simulator.url, apiKey: eu.apiKey })
    const alias = `e2e-${randomUUID()}`
    const message = `EU checkout slow ${alias.slice(4, 12)}`
    await euClient.alerts.create({ message, alias, priority: 'P2' })
    await expect
      .poll(async () => (await notificationsSeen(page)).map((n) => n.title), { timeout: 30_000 })
      .toContain(`Demo EU: P2 ${message}`)

    // All workspaces: rows of both, each marked; Acknowledge goes to the row's workspace only
    await switcher.selectOption({ label: 'All workspaces' })
    const list = page.getByRole('list', { name: 'Open alerts in every workspace' })
    await expect(list.locator('[data-workspace-id="demo"]').first()).toBeVisible()
    await expect(list.locator('[data-workspace-id="demo-eu"]').first()).toBeVisible()
    const row = list.locator('[data-workspace-id="demo-eu"]', { hasText: message })
    await expect(row).toContainText('Demo EU')
    const tinyId = simulatorAlert(eu, alias)?.tinyId
    await row.getByRole('button', { name: `Acknowledge #${tinyId} in Demo EU` }).click()
    await expect.poll(() => simulatorAlert(eu, alias)?.acknowledged, { timeout: 30_000 }).toBe(true)
    await expect(row).toContainText('Acknowledged', { timeout: 30_000 })

    await page.screenshot({ path: join(SCREENSHOTS, 'all-workspaces-light.png') })

    // `a` acknowledges what rings in every workspace, each in its own account
    await page.keyboard.press('a')
    await expect.poll(() => ringingIn(eu).length, { timeout: 30_000 }).toBe(0)
    await expect.poll(() => ringingIn(demo).length, { timeout: 30_000 }).toBe(0)
    await expect(page).toHaveTitle('Ondeck', { timeout: 30_000 })

    // the switcher puts Demo EU on screen; Demo keeps running behind it
    await switcher.selectOption({ label: 'Demo EU' })
    await expect(page.getByRole('contentinfo', { name: 'Status' })).toContainText(
      'Workspace: Demo EU',
      { timeout: 30_000 },
    )
    await expect(switcher).toHaveValue('demo-eu')
  } finally {
    await context.close()
  }
})

for (const colorScheme of ['light', 'dark'] as const) {
  test(`760×900 ${colorScheme}: the other workspace's ringing line, the key hint while a P1 rings, All workspaces`, async ({
    browser,
  }) => {
    const { context, page } = await openDemo(browser, mode, {
      colorScheme,
      viewport: { width: 760, height: 900 },
    })
    try {
      // a P1 rings in Demo EU (it may be quiet after the test above acknowledged everything)
      const euClient = createOpsgenieClient({ host: eu.simulator.url, apiKey: eu.apiKey })
      const alias = `e2e-${randomUUID()}`
      await euClient.alerts.create({
        message: `EU payments down ${alias.slice(4, 12)}`,
        alias,
        priority: 'P1',
      })
      await saveWorkspace(page, eu.config)
      await page.reload()
      await expect(page.getByRole('region', { name: 'Ringing in other workspaces' })).toContainText(
        'Demo EU:',
        { timeout: 30_000 },
      )
      // a P2 selected while something rings: its Acknowledge teaches no key (`a` acks what rings)
      const row = page.locator('[role="option"][data-alert-id]').filter({ hasText: 'P2' }).first()
      await row.click()
      const acknowledge = page
        .getByRole('toolbar', { name: 'Alert actions' })
        .getByRole('button', { name: 'Acknowledge', exact: true })
      await expect(acknowledge).toBeVisible()
      await expect(acknowledge.locator('kbd')).toHaveCount(0)
      await expect(acknowledge).not.toHaveAttribute('aria-keyshortcuts', /.*/)
      await page.screenshot({ path: join(LOOK, `alerts-${colorScheme}.png`) })
      // the switcher and the other workspace's ringing line pass axe
      expect(await seriousViolations(page)).toEqual([])
      await page
        .getByRole('combobox', { name: 'Workspace' })
        .selectOption({ label: 'All workspaces' })
      await expect(page.getByRole('list', { name: 'Open alerts in every workspace' })).toBeVisible()
      await page.screenshot({ path: join(LOOK, `all-workspaces-${colorScheme}.png`) })
      expect(await seriousViolations(page)).toEqual([])
    } finally {
      await context.close()
    }
  })
}
