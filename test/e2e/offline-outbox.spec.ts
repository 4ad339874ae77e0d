import { expect, test, type Page } from '@playwright/test'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { BrowserMode } from '../../src/main/web/browser-mode'
import {
  acknowledgeWhatRings,
  alertRows,
  createAlert,
  demoOf,
  openDemo,
  simAlert,
  startDemoMode,
} from './support/browser-mode'
import { writeOutboxSettings } from './support/outbox-crash'

/** Screenshots to look at (not committed): the small dark window. */
const OUT = join(process.cwd(), 'test-results/offline-outbox')
const SMALL = { width: 760, height: 900 }
/** Fast retries, so "sent when the connection returns" happens within the test's patience. */
const TUNING = { reconcileAfterMs: 500, backoffBaseMs: 200, backoffCapMs: 800, undoHoldMs: 0 }
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i

let mode: BrowserMode

test.beforeAll(async () => {
  mkdirSync(OUT, { recursive: true })
  mode = await startDemoMode()
})
test.afterAll(async () => {
  await mode.close()
})
test.afterEach(() => demoOf(mode).demo.simulator.setFaults({}))

test.describe.configure({ mode: 'serial' })

/** The demo with the fast outbox tuning (a preference, read when the workspace opens). */
async function openTuned(browser: Parameters<typeof openDemo>[0]) {
  const app = await openDemo(browser, mode, { colorScheme: 'dark', viewport: SMALL })
  await writeOutboxSettings(app.page, TUNING)
  await app.page.goto(mode.launchUrl())
  await expect(alertRows(app.page).first()).toBeVisible()
  if (await acknowledgeWhatRings(app.page)) {
    // The acknowledgements of what rang are in the outbox: wait until Opsgenie confirmed each
    // (the status bar alone could say "All sent" before they were even queued).
    await goTo(app.page, 'Outbox')
    const outbox = app.page.getByRole('region', { name: 'Outbox' })
    await outbox.getByRole('checkbox', { name: /Show sent/ }).check()
    const rows = outbox.getByTestId('outbox-command')
    await expect(rows).not.toHaveCount(0)
    await expect(rows.getByTestId('outbox-state').filter({ hasNotText: /^Sent$/ })).toHaveCount(0, {
      timeout: 15_000,
    })
    await outbox.getByRole('checkbox', { name: /Show sent/ }).uncheck()
    await goTo(app.page, 'Alerts')
  }
  await expect(app.page.getByTestId('status-queued')).toHaveText('All sent')
  return app
}

async function acknowledgeByKey(page: Page, message: string): Promise<void> {
  const row = alertRows(page).filter({ hasText: message })
  await row.click()
  await expect(row).toHaveAttribute('aria-selected', 'true')
  await page.keyboard.press('a')
}

const goTo = (page: Page, view: string) =>
  page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: view }).click()

test('offline, said plainly: the status bar leaves "Live" at once, a banner says what waits, the Outbox reads like a list of actions, and all is sent in order when the network returns', async ({
  browser,
}) => {
  const { context, page } = await openTuned(browser)
  try {
    const first = await createAlert(mode, { message: 'Offline test disk', priority: 'P3' })
    const second = await createAlert(mode, { message: 'Offline test cpu', priority: 'P3' })
    await expect(alertRows(page).filter({ hasText: second.message })).toBeVisible()
    const health = page.getByTestId('status-health')
    await expect(health).toHaveAttribute('data-health', 'live')

    // Opsgenie unreachable: every request is reset; the relay still streams
    demoOf(mode).demo.simulator.setFaults({ resetRate: 1 })
    await acknowledgeByKey(page, first.message)
    // within seconds of the first failed send, not after the relay's 45 s heartbeat
    await expect(health).toHaveAttribute('data-health', 'offline', { timeout: 5_000 })
    await expect(health).toContainText('Opsgenie unreachable')
    await acknowledgeByKey(page, second.message)
    const banner = page.getByTestId('offline-banner')
    await expect(banner).toHaveText(
      /^Offline: 2 actions queued, sent in order when the connection returns; data as of \d\d:\d\d/,
    )
    // the status bar says what the outbox does, never a countdown (issue 12, item 1)
    await expect(page.getByTestId('status-queued')).toHaveText('Offline: 2 actions waiting')
    await page.screenshot({ path: join(OUT, 'offline-banner-760-dark.png') })

    await goTo(page, 'Outbox')
    const outbox = page.getByRole('region', { name: 'Outbox' })
    const rows = outbox.getByTestId('outbox-command')
    await expect(rows).toHaveCount(2)
    await expect(rows.first()).toContainText(`Acknowledge: #`)
    await expect(rows.first()).toContainText(first.message)
    await expect(rows.nth(1)).toContainText(second.message)
    await expect(rows.first().getByTestId('outbox-state')).toHaveText('Waiting for the network')
    expect(await outbox.textContent()).not.toMatch(UUID)
    expect(await page.getByRole('contentinfo').textContent()).not.toMatch(UUID)
    await page.screenshot({ path: join(OUT, 'outbox-offline-760-dark.png') })

    // the network returns: both go out, the banner goes, sent history hides behind a filter
    demoOf(mode).demo.simulator.setFaults({})
    await expect
      .poll(() => simAlert(mode, first.alias), { timeout: 20_000 })
      .toMatchObject({ acknowledged: true })
    await expect
      .poll(() => simAlert(mode, second.alias), { timeout: 20_000 })
      .toMatchObject({ acknowledged: true })
    await expect(rows).toHaveCount(0, { timeout: 10_000 })
    await expect(banner).toBeHidden()
    await expect(page.getByTestId('status-queued')).toHaveText('All sent')
    await expect(health).toHaveAttribute('data-health', 'live')
    await outbox.getByRole('checkbox', { name: /Show sent/ }).check()
    for (const message of [first.message, second.message])
      await expect(rows.filter({ hasText: message }).getByTestId('outbox-state')).toHaveText('Sent')
    expect(await outbox.textContent()).not.toMatch(/confirmed|request/i)
    await page.screenshot({ path: join(OUT, 'outbox-sent-760-dark.png') })
  } finally {
    await context.close()
  }
})

test('a refusal shows in the status bar, the Outbox says why and offers no Retry; Escalate and Add responder pick from the directory', async ({
  browser,
}) => {
  const { context, page } = await openTuned(browser)
  try {
    const gone = await createAlert(mode, { message: 'Deleted elsewhere', priority: 'P3' })
    await expect(alertRows(page).filter({ hasText: gone.message })).toBeVisible()
    // removed upstream behind the app's back: acknowledging it is refused for good
    const sim = demoOf(mode).demo.simulator
    for (const [id, alert] of sim.state.alerts)
      if (alert.alias === gone.alias) sim.state.alerts.delete(id)
    await acknowledgeByKey(page, gone.message)
    const failed = page.getByTestId('status-failed')
    await expect(failed).toHaveText('1 action failed', { timeout: 10_000 })
    await page.screenshot({ path: join(OUT, 'status-failed-760-dark.png') })
    await failed.click()
    const row = page.getByRole('region', { name: 'Outbox' }).getByTestId('outbox-command')
    await expect(row.getByTestId('outbox-state')).toHaveText(/^Failed: /)
    await expect(row.getByRole('button', { name: 'Retry' })).toHaveCount(0)
    expect(await row.textContent()).not.toMatch(UUID)
    await page.screenshot({ path: join(OUT, 'outbox-failed-760-dark.png') })

    // pickers: the escalations and teams the directory import cached
    await goTo(page, 'Alerts')
    const target = await createAlert(mode, { message: 'Picker test', priority: 'P3' })
    await alertRows(page).filter({ hasText: target.message }).click()
    const detail = page.getByRole('article')
    await detail.getByRole('button', { name: /^Escalate/ }).click()
    const escalate = detail.getByRole('form', { name: 'Escalate' })
    const escalation = escalate.getByLabel('Escalation')
    await expect(escalation).toHaveJSProperty('tagName', 'SELECT')
    const names = await escalation.locator('option').allTextContents()
    expect(names.length).toBeGreaterThan(1)
    await escalation.selectOption({ index: 1 })
    await page.screenshot({ path: join(OUT, 'escalate-picker-760-dark.png') })
    await escalate.getByRole('button', { name: 'Escalate' }).click()
    await expect(escalate).toBeHidden()

    await detail.getByRole('button', { name: /^Add responder/ }).click()
    const add = detail.getByRole('form', { name: 'Add responder' })
    await add.getByLabel('Responder type').selectOption('team')
    const team = add.getByRole('combobox', { name: 'Responder', exact: true })
    await expect(team).toHaveJSProperty('tagName', 'SELECT')
    expect((await team.locator('option').allTextContents()).length).toBeGreaterThan(1)
    await page.screenshot({ path: join(OUT, 'responder-picker-760-dark.png') })
  } finally {
    await context.close()
  }
})
