import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import type { BrowserMode } from '../../src/main/web/browser-mode'
import { alertRows, demoOf, openDemo, startDemoMode } from './support/browser-mode'

/** The README links these: `docs/screenshots/<view>-<theme>.png`. */
const OUT = join(process.cwd(), 'docs/screenshots')

let mode: BrowserMode

test.beforeAll(async () => {
  mkdirSync(OUT, { recursive: true })
  mode = await startDemoMode()
})
test.afterAll(async () => {
  await mode.close()
})

async function go(page: Page, view: string, heading: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: view }).click()
  await expect(page.getByRole('heading', { name: heading, exact: true }).first()).toBeVisible()
  await expect(page.getByRole('main').getByText('Loading…')).toHaveCount(0)
}

for (const theme of ['light', 'dark'] as const) {
  test(`screenshots of the main views, ${theme}`, async ({ browser }) => {
    const { context, page } = await openDemo(browser, mode, { colorScheme: theme })
    try {
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme)
      const shot = (name: string): Promise<Buffer> =>
        page.screenshot({ path: join(OUT, `${name}-${theme}.png`), animations: 'disabled' })

      await alertRows(page).first().click()
      await expect(page.locator('#alert-detail-title')).toBeVisible()
      await shot('alerts')

      await go(page, 'Settings', 'Settings')
      await page.getByLabel('Your username in Demo').fill('emeka@example.com')
      await page.getByRole('button', { name: 'Save username' }).click()
      await expect(page.getByText('now means emeka@example.com')).toBeVisible()
      await shot('settings')
      await go(page, 'On call', 'On call')
      // the directory import (schedules, who is on call) finishes a moment after the list paints
      await expect(page.locator('[data-schedule-id]').first()).toBeVisible({ timeout: 15_000 })
      await expect(page.getByRole('list', { name: 'My shifts' })).toBeVisible()
      await shot('on-call')
      // services are imported before schedules, so they are in by now
      await go(page, 'Services', 'Services')
      const service = demoOf(mode).demo.simulator.state.services[0]?.name ?? 'no seeded service'
      await expect(page.getByText(service).first()).toBeVisible()
      await shot('services')
      await go(page, 'Incidents', 'Incidents')
      await page.locator('[data-incident-id]').first().click()
      await expect(page.locator('.split__detail h2, .split__detail h3').first()).toBeVisible()
      await shot('incidents')

      await page
        .getByRole('navigation', { name: 'Views' })
        .getByRole('button', { name: 'Alerts' })
        .click()
      await expect(page.locator('#alert-detail-title')).toBeVisible()
      await page.keyboard.press('Control+k')
      const palette = page.getByRole('dialog', { name: 'Command palette' })
      await expect(palette).toBeVisible()
      await expect(page.getByRole('combobox', { name: 'Search commands' })).toBeFocused()
      await shot('command-palette')
      await page.keyboard.press('Escape')
      await expect(palette).toBeHidden()
    } finally {
      await context.close()
    }
  })
}
