import { expect, test } from '@playwright/test'
import WebSocket from 'ws'
import type { BrowserMode } from '../../src/main/web/browser-mode'
import {
  alertRows,
  createAlert,
  demoOf,
  notificationsSeen,
  openDemo,
  simAlert,
  startDemoMode,
} from './support/browser-mode'

let mode: BrowserMode

test.beforeAll(async () => {
  mode = await startDemoMode()
})
test.afterAll(async () => {
  await mode.close()
})

/** The simulator's state, polled until it says what the test waits for. */
const simulatorSays = (alias: string) => () => simAlert(mode, alias)

test('loads the Demo workspace and the IPC contract works end to end', async ({ browser }) => {
  const { context, page } = await openDemo(browser, mode)
  try {
    await expect(page.getByRole('heading', { name: 'Ondeck' })).toBeVisible()
    await expect(page.getByTestId('status-workspace')).toContainText('Demo')
    // connect, intake and the directory import all crossed the WebSocket: services were imported
    await page
      .getByRole('navigation', { name: 'Views' })
      .getByRole('button', { name: 'Services' })
      .click()
    await expect(page.getByRole('heading', { name: 'Services' })).toBeVisible()
    const seeded = demoOf(mode).demo.simulator.state.services[0]
    expect(seeded).toBeDefined()
    await expect(page.getByText(seeded?.name ?? '-').first()).toBeVisible()
  } finally {
    await context.close()
  }
})

test('an alert created on the simulator appears in the list and notifies', async ({ browser }) => {
  const { context, page } = await openDemo(browser, mode)
  try {
    const alert = await createAlert(mode, { message: 'Disk full on db-7', priority: 'P2' })
    await expect(alertRows(page).filter({ hasText: alert.message })).toBeVisible()
    await expect
      .poll(async () => (await notificationsSeen(page)).map((n) => n.title).join('\n'))
      .toContain(alert.message)
  } finally {
    await context.close()
  }
})

test('acknowledging from the list reaches the simulator', async ({ browser }) => {
  const { context, page } = await openDemo(browser, mode)
  try {
    const alert = await createAlert(mode, { message: 'API latency high', priority: 'P2' })
    await alertRows(page).filter({ hasText: alert.message }).click()
    await expect(page.locator('#alert-detail-title')).toContainText(alert.message)
    await page
      .getByRole('toolbar', { name: 'Alert actions' })
      .getByRole('button', { name: 'Acknowledge' })
      .click()
    await expect.poll(simulatorSays(alert.alias)).toMatchObject({ acknowledged: true })
    const row = alertRows(page).filter({ hasText: alert.message })
    await expect(row).toContainText('Acknowledged')
  } finally {
    await context.close()
  }
})

test('acknowledging from the keyboard (j/k, a) reaches the simulator', async ({ browser }) => {
  const { context, page } = await openDemo(browser, mode)
  try {
    const alert = await createAlert(mode, { message: 'Queue backlog growing', priority: 'P2' })
    const row = alertRows(page).filter({ hasText: alert.message })
    await expect(row).toBeVisible()
    const selected = page.locator('[data-alert-id][aria-selected="true"]')
    await page.keyboard.press('j')
    await expect(selected).toHaveCount(1)
    // walk down with j (bounded by the number of rows) until the new alert is selected
    const rows = await alertRows(page).count()
    for (let n = 0; n < rows && !(await selected.textContent())?.includes(alert.message); n += 1) {
      const before = await selected.getAttribute('data-alert-id')
      await page.keyboard.press('j')
      await expect(selected).not.toHaveAttribute('data-alert-id', before ?? '')
    }
    await expect(selected).toContainText(alert.message)
    await page.keyboard.press('k')
    await page.keyboard.press('j')
    await expect(selected).toContainText(alert.message)
    await page.keyboard.press('a')
    await expect.poll(simulatorSays(alert.alias)).toMatchObject({ acknowledged: true })
    await expect(row).toContainText('Acknowledged')
  } finally {
    await context.close()
  }
})

test('an alert closed elsewhere updates in the list and stops ringing', async ({ browser }) => {
  const { context, page } = await openDemo(browser, mode)
  try {
    const alert = await createAlert(mode, { message: 'Payments down', priority: 'P1' })
    const banner = page.getByRole('alert', { name: /ringing:/ })
    await expect(banner).toContainText(alert.message)
    await expect(alertRows(page).filter({ hasText: alert.message })).toBeVisible()
    await demoOf(mode).client.alerts.close({ alias: alert.alias })
    await expect.poll(simulatorSays(alert.alias)).toMatchObject({ status: 'closed' })
    // the open list drops it; the banner goes once nothing rings any more
    await expect(alertRows(page).filter({ hasText: alert.message })).toHaveCount(0)
    await expect(banner).toBeHidden()
  } finally {
    await context.close()
  }
})

test('a page opened without the launch token is refused', async ({ browser }) => {
  const context = await browser.newContext()
  try {
    const page = await context.newPage()
    const url = new URL(mode.openUrl)
    const response = await page.goto(url.origin + '/')
    expect(response?.status()).toBeGreaterThanOrEqual(400)
    await expect(page.getByText('open the URL printed in the terminal')).toBeVisible()
    await expect(page.getByRole('navigation', { name: 'Views' })).toHaveCount(0)
  } finally {
    await context.close()
  }
})

/** Opens the IPC socket with the launch token's cookie and the given Origin; says what happened. */
function openIpcSocket(origin: string): Promise<string> {
  const url = new URL(mode.openUrl)
  const token = url.searchParams.get('token') ?? ''
  const socket = new WebSocket(`ws://${url.host}/ipc`, {
    origin,
    headers: { cookie: `ondeck_token=${token}` },
  })
  return new Promise<string>((resolve) => {
    socket.on('open', () => resolve('open'))
    socket.on('unexpected-response', (_request, response) =>
      resolve(`refused ${response.statusCode}`),
    )
    socket.on('error', () => resolve('refused'))
  }).finally(() => socket.terminate())
}

test('a WebSocket from a foreign Origin is refused, even with the token', async () => {
  expect(await openIpcSocket(new URL(mode.openUrl).origin)).toBe('open')
  expect(await openIpcSocket('http://evil.example')).toMatch(/^refused/)
})
