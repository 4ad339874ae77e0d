import { expect, test } from '@playwright/test'
import { readFileSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
import { gunzipSync } from 'node:zlib'
import WebSocket from 'ws'
import type { BrowserMode } from '../../src/main/web/browser-mode'
import { writeLaunchFile } from '../../src/main/web/launch-file'
import { sessionProtocols } from '../../src/renderer/src/ipc/launch-credential'
import {
  acknowledgeWhatRings,
  alertRows,
  closeAlert,
  createAlert,
  DEMO_PROVIDERS,
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

/**
 * The Demo workspace's journey, once per provider (issue 16, item 6): every step acts through the
 * UI and checks the provider's simulator; "elsewhere" is that provider's own HTTP API. The
 * launch-link and socket tests below are about browser mode itself and run once.
 */
for (const provider of DEMO_PROVIDERS) {
  test.describe(`the Demo as ${provider}`, () => {
    let demoMode: BrowserMode
    test.beforeAll(async () => {
      demoMode = provider === 'opsgenie' ? mode : await startDemoMode({ provider })
    })
    test.afterAll(async () => {
      if (demoMode !== mode) await demoMode.close()
    })

    /** The simulator's state, polled until it says what the test waits for. */
    const simulatorSays = (alias: string) => () => simAlert(demoMode, alias)

    test('loads the Demo workspace and the IPC contract works end to end', async ({ browser }) => {
      const { context, page } = await openDemo(browser, demoMode)
      try {
        await expect(page.getByRole('heading', { name: 'Ondeck' })).toBeVisible()
        await expect(page.getByTestId('status-workspace')).toContainText('Demo')
        expect(demoOf(demoMode).demo.provider).toBe(provider)
        const state = demoOf(demoMode).demo.simulator.state
        // connect, intake and the directory import all crossed the WebSocket: teams were imported
        await alertRows(page).first().click()
        const detail = page.getByRole('article')
        await detail.getByRole('button', { name: /^Add responder/ }).click()
        const add = detail.getByRole('form', { name: 'Add responder' })
        await add.getByLabel('Responder type').selectOption('team')
        await expect(
          add.getByRole('combobox', { name: 'Responder', exact: true }).locator('option'),
        ).toContainText([state.teams[0]?.name ?? '-'])
        // services: Opsgenie's API has them; JSM Operations has none Ondeck can use
        if (provider === 'opsgenie') {
          await page
            .getByRole('navigation', { name: 'Views' })
            .getByRole('button', { name: 'Services' })
            .click()
          await expect(page.getByRole('heading', { name: 'Services' })).toBeVisible()
          const seeded = state.services[0]
          expect(seeded).toBeDefined()
          await expect(page.getByText(seeded?.name ?? '-').first()).toBeVisible()
        }
      } finally {
        await context.close()
      }
    })

    test('an alert created on the simulator appears in the list and notifies', async ({
      browser,
    }) => {
      const { context, page } = await openDemo(browser, demoMode)
      try {
        const alert = await createAlert(demoMode, { message: 'Disk full on db-7', priority: 'P2' })
        await expect(alertRows(page).filter({ hasText: alert.message })).toBeVisible()
        await expect
          .poll(async () => (await notificationsSeen(page)).map((n) => n.title).join('\n'))
          .toContain(alert.message)
      } finally {
        await context.close()
      }
    })

    test('acknowledging from the list reaches the simulator', async ({ browser }) => {
      const { context, page } = await openDemo(browser, demoMode)
      try {
        const alert = await createAlert(demoMode, { message: 'API latency high', priority: 'P2' })
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
      const { context, page } = await openDemo(browser, demoMode)
      try {
        await acknowledgeWhatRings(page)
        // "Needs action" moves each acknowledged row down as its confirmation lands; oldest first
        // keeps the order still while j and k walk it, and puts the new alert last (k, then j, returns)
        await page.getByLabel('Sort').selectOption('oldest')
        const alert = await createAlert(demoMode, {
          message: 'Queue backlog growing',
          priority: 'P2',
        })
        const row = alertRows(page).filter({ hasText: alert.message })
        await expect(row).toBeVisible()
        const selected = page.locator('[data-alert-id][aria-selected="true"]')
        await page.keyboard.press('j')
        await expect(selected).toHaveCount(1)
        // walk down with j (bounded by the number of rows) until the new alert is selected
        const rows = await alertRows(page).count()
        for (
          let n = 0;
          n < rows && !(await selected.textContent())?.includes(alert.message);
          n += 1
        ) {
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
      const { context, page } = await openDemo(browser, demoMode)
      try {
        await acknowledgeWhatRings(page)
        const banner = page.getByRole('alert', { name: /ringing:/ })
        const alert = await createAlert(demoMode, { message: 'Payments down', priority: 'P1' })
        await expect(banner).toContainText(alert.message)
        await expect(alertRows(page).filter({ hasText: alert.message })).toBeVisible()
        await closeAlert(demoMode, alert.alias)
        await expect.poll(simulatorSays(alert.alias)).toMatchObject({ status: 'closed' })
        // the open list drops it; the banner goes once nothing rings any more
        await expect(alertRows(page).filter({ hasText: alert.message })).toHaveCount(0)
        await expect(banner).toBeHidden()
      } finally {
        await context.close()
      }
    })

    test('Export diagnostics writes one archive from the Diagnostics view, without the API key', async ({
      browser,
    }) => {
      const { context, page } = await openDemo(browser, demoMode, { colorScheme: 'dark' })
      try {
        await page.setViewportSize({ width: 760, height: 900 })
        await page.getByRole('button', { name: 'Diagnostics' }).click()
        const exportButton = page.getByRole('button', { name: 'Export diagnostics' })
        await exportButton.focus()
        await page.keyboard.press('Enter')
        const status = page.locator('.export-diagnostics [role="status"]')
        await expect(status).toContainText('Saved to ')
        const path = ((await status.textContent()) ?? '').replace(/^Saved to /, '').trim()
        const archive = gunzipSync(readFileSync(path))
        expect(archive.includes(Buffer.from('ustar'))).toBe(true)
        expect(archive.includes(Buffer.from(demoOf(demoMode).demo.apiKey))).toBe(false)
      } finally {
        await context.close()
      }
    })
  })
}

test('a page opened without the launch link says where to find it, and opens nothing', async ({
  browser,
}) => {
  const context = await browser.newContext()
  try {
    const page = await context.newPage()
    await page.goto(new URL(mode.launchUrl()).origin + '/')
    await expect(page.getByRole('alert')).toContainText('open the URL printed in the terminal')
    await expect(page.getByRole('navigation', { name: 'Views' })).toHaveCount(0)
  } finally {
    await context.close()
  }
})

test('a launch URL works once, and its token leaves the address bar', async ({ browser }) => {
  const launchUrl = mode.launchUrl()
  const token = /launch=([^&]+)/.exec(launchUrl)?.[1] ?? '-'
  const first = await browser.newContext()
  const second = await browser.newContext()
  try {
    const page = await first.newPage()
    await page.goto(launchUrl)
    await expect(page.getByRole('navigation', { name: 'Views' })).toBeVisible()
    // the address bar (and so this tab's history entry) no longer carries the token
    expect(await page.evaluate(() => location.href)).toBe(`${new URL(launchUrl).origin}/#demo`)
    expect(page.url()).not.toContain(token)
    // a reload keeps the tab's session (sessionStorage), without the token
    await page.reload()
    await expect(page.getByTestId('status-health')).toHaveAttribute('data-health', 'live')

    const again = await second.newPage()
    await again.goto(launchUrl)
    await expect(again.getByRole('alert')).toContainText('This launch link was already used')
    await expect(again.getByRole('navigation', { name: 'Views' })).toHaveCount(0)
    expect(again.url()).not.toContain(token)
  } finally {
    await first.close()
    await second.close()
  }
})

test('a launch URL opened as localhost:P lands on 127.0.0.1:P with its token', async ({
  browser,
}) => {
  const launchUrl = new URL(mode.launchUrl())
  const canonical = launchUrl.origin
  launchUrl.hostname = 'localhost'
  const context = await browser.newContext()
  try {
    const page = await context.newPage()
    await page.goto(launchUrl.href)
    // the 307 had no fragment, so the browser kept the launch token; the page took it and works
    await expect(page.getByTestId('status-health')).toHaveAttribute('data-health', 'live')
    expect(page.url()).toBe(`${canonical}/#demo`)
  } finally {
    await context.close()
  }
})

test('the launch file the opener is given sends the browser to the app', async ({ browser }) => {
  const file = await writeLaunchFile(mode.launchUrl())
  const context = await browser.newContext()
  try {
    const page = await context.newPage()
    await page.goto(pathToFileURL(file.path).href)
    await expect(page.getByTestId('status-health')).toHaveAttribute('data-health', 'live')
    expect(page.url()).toBe(`${new URL(mode.launchUrl()).origin}/#demo`)
  } finally {
    await context.close()
    await file.remove()
  }
})

/** Opens the IPC socket with a fresh session and the given Origin; says what happened. */
async function openIpcSocket(origin: string): Promise<string> {
  const launchUrl = new URL(mode.launchUrl())
  const token = /launch=([^&]+)/.exec(launchUrl.hash)?.[1] ?? ''
  const answer = await fetch(`${launchUrl.origin}/session`, {
    method: 'POST',
    headers: { origin: launchUrl.origin, 'content-type': 'application/json' },
    body: JSON.stringify({ launch: token }),
  })
  const { session } = (await answer.json()) as { session: string }
  const socket = new WebSocket(`ws://${launchUrl.host}/ipc`, sessionProtocols(session), { origin })
  return new Promise<string>((resolve) => {
    socket.on('open', () => resolve('open'))
    socket.on('unexpected-response', (_request, response) =>
      resolve(`refused ${response.statusCode}`),
    )
    socket.on('error', () => resolve('refused'))
  }).finally(() => socket.terminate())
}

test('a WebSocket from a foreign Origin is refused, even with a session', async () => {
  const origin = new URL(mode.launchUrl()).origin
  expect(await openIpcSocket(origin)).toBe('open')
  expect(await openIpcSocket('http://evil.example')).toMatch(/^refused 403/)
})
