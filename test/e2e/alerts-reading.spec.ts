import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { BrowserMode } from '../../src/main/web/browser-mode'
import {
  acknowledgeWhatRings,
  alertRows,
  createAlert,
  openDemo,
  simAlert,
  startDemoMode,
} from './support/browser-mode'

/** Screenshots to look at (not committed), at the small window, dark. */
const OUT = join(process.cwd(), 'test-results/alerts-reading')
const SMALL = { width: 760, height: 900 }
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i

let mode: BrowserMode

test.beforeAll(async () => {
  mkdirSync(OUT, { recursive: true })
  mode = await startDemoMode()
})
test.afterAll(async () => {
  await mode.close()
})

/** Issue 17, "Reading the screen": items 7-9 and the smaller defects seen on the alerts view. */
test.describe.configure({ mode: 'serial' })

const shot = (page: Page, name: string): Promise<Buffer> =>
  page.screenshot({ path: join(OUT, `${name}-760-dark.png`), animations: 'disabled' })

test('item 7: the detail names teams, responders and the owner; no id anywhere', async ({
  browser,
}) => {
  const { context, page } = await openDemo(browser, mode, { colorScheme: 'dark', viewport: SMALL })
  try {
    await acknowledgeWhatRings(page)
    const rows = alertRows(page)
    const count = Math.min(await rows.count(), 6)
    expect(count).toBeGreaterThan(0)
    for (let n = 0; n < count; n += 1) {
      await rows.nth(n).click()
      const detail = page.locator('article[data-alert-detail]')
      await expect(detail).toBeVisible()
      expect(await detail.innerText()).not.toMatch(UUID)
      expect(await rows.nth(n).innerText()).not.toMatch(UUID)
    }
    await shot(page, 'detail-names')
  } finally {
    await context.close()
  }
})

test('item 8: needs action first, acknowledged rows toned down, relative ages with the time on hover', async ({
  browser,
}) => {
  const { context, page } = await openDemo(browser, mode, { colorScheme: 'dark', viewport: SMALL })
  try {
    await acknowledgeWhatRings(page) // every P1 acknowledged now
    const fresh = await createAlert(mode, { message: 'Queue backlog growing', priority: 'P2' })
    const first = alertRows(page).first()
    await expect(first).toContainText(fresh.message)
    await expect(first).not.toHaveClass(/alert-row--quiet/)
    const acked = alertRows(page).filter({ hasText: 'Acknowledged' }).first()
    await expect(acked).toHaveClass(/alert-row--quiet/)
    const age = first.locator('time')
    await expect(age).toHaveText(/^\d+ (s|m)$/)
    await expect(age).toHaveAttribute('title', /^Created \w{3} \d+ \w{3} \d{4} \d\d:\d\d:\d\d$/)
    await expect(page.getByLabel('Sort')).toHaveValue('needs-action')
    await shot(page, 'needs-action')
  } finally {
    await context.close()
  }
})

test('item 9: one compact row of filters; saved views; filters survive a reload and live in the link', async ({
  browser,
}) => {
  const { context, page } = await openDemo(browser, mode, { colorScheme: 'dark', viewport: SMALL })
  try {
    await acknowledgeWhatRings(page)
    const bar = page.getByRole('search', { name: 'Alert filters' })
    const height = (await bar.boundingBox())?.height ?? 999
    expect(height).toBeLessThanOrEqual(80)
    await shot(page, 'filter-bar')

    await page.getByLabel('Saved views').selectOption('P1-P2 unacknowledged')
    await expect(page.getByRole('button', { name: 'P1' })).toHaveAttribute('aria-pressed', 'true')
    await expect(page).toHaveURL(/#alerts\?p=P1%2CP2&ack=no$/)

    await page.getByRole('button', { name: 'Clear filters' }).click()
    await page.getByRole('button', { name: 'P1' }).click()
    await page.getByLabel('Search alerts').fill('disk')
    await expect(page).toHaveURL(/#alerts\?p=P1&q=disk$/)
    await page.reload()
    await expect(page.getByTestId('status-health')).toHaveAttribute('data-health', 'live')
    await expect(page.getByLabel('Search alerts')).toHaveValue('disk')
    await expect(page.getByRole('button', { name: 'P1' })).toHaveAttribute('aria-pressed', 'true')

    // a deep link pasted into the address applies at once
    await page.evaluate(() => (window.location.hash = '#alerts?status=closed'))
    await expect(bar.getByLabel('Status')).toHaveValue('closed')
    await expect(page.getByLabel('Search alerts')).toHaveValue('')

    // the responder's own view
    await page.getByRole('button', { name: 'P3' }).click()
    await page.getByLabel('Saved views').selectOption('Save current filters as…')
    await page.getByLabel('View name').fill('Closed P3')
    await page.keyboard.press('Enter')
    await expect(page.getByLabel('Saved views')).toHaveValue('Closed P3')
    await page.getByRole('button', { name: 'Clear filters' }).click()
    await page.getByLabel('Saved views').selectOption('Closed P3')
    await expect(bar.getByLabel('Status')).toHaveValue('closed')
    await shot(page, 'saved-view')
  } finally {
    await context.close()
  }
})

test('smaller defects: "You" acknowledged, not "API"; a hidden selection is said; "1 alert"', async ({
  browser,
}) => {
  const { context, page } = await openDemo(browser, mode, { colorScheme: 'dark', viewport: SMALL })
  try {
    await acknowledgeWhatRings(page)
    const made = await createAlert(mode, { message: 'Lonely alert', priority: 'P3' })
    const row = alertRows(page).filter({ hasText: made.message })
    await row.click()
    const detail = page.locator('article[data-alert-detail]')
    await detail.getByRole('button', { name: /^Acknowledge/ }).click()
    await expect.poll(() => simAlert(mode, made.alias)).toMatchObject({ acknowledged: true })
    const entry = detail.locator('[data-activity-kind="acknowledged"]')
    await expect(entry.locator('.timeline__who')).toHaveText('You')

    await page.getByLabel('Search alerts').fill(made.message)
    await expect(page.getByRole('search').locator('output')).toHaveText('1 alert')
    await page.getByLabel('Acknowledged').selectOption('no')
    await expect(page.getByTestId('detail-hidden')).toContainText('the current filters hide it')
    await shot(page, 'hidden-selection')
  } finally {
    await context.close()
  }
})

/** Reads the cached row of an alert (by alias) straight from the workspace's IndexedDB. */
function cachedAlert(page: Page, alias: string): Promise<{ snoozed: boolean } | undefined> {
  return page.evaluate(async (wanted) => {
    const names = (await indexedDB.databases()).map((d) => d.name ?? '')
    const name = names.find((n) => n.startsWith('ondeck-cache-'))
    if (name === undefined) return undefined
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open(name)
      open.onsuccess = () => resolve(open.result)
      open.onerror = () => reject(open.error)
    })
    const row = await new Promise<{ snoozed: boolean } | undefined>((resolve, reject) => {
      const get = db.transaction('alerts').objectStore('alerts').index('alias').get(wanted)
      get.onsuccess = () => resolve(get.result as { snoozed: boolean } | undefined)
      get.onerror = () => reject(get.error)
    })
    db.close()
    return row
  }, alias)
}

test('a snooze sent from here reads snoozed in the list, the detail and the cache, without a reload', async ({
  browser,
}) => {
  const { context, page } = await openDemo(browser, mode, { colorScheme: 'dark', viewport: SMALL })
  try {
    await acknowledgeWhatRings(page)
    const made = await createAlert(mode, { message: 'Snooze me', priority: 'P3' })
    const row = alertRows(page).filter({ hasText: made.message })
    await row.click()
    const detail = page.locator('article[data-alert-detail]')
    await detail.getByRole('button', { name: /^Snooze/ }).click()
    const form = page.getByRole('form', { name: 'Snooze' })
    await form.getByRole('button', { name: /^Snooze/ }).click()
    await expect(row).toContainText('Snoozed')
    await expect(row).toHaveClass(/alert-row--quiet/)
    await expect(detail).toContainText(/Open, snoozed until \d\d:\d\d/)
    // the sync's effect, not only the outbox's overlay: the cached row itself says snoozed
    await expect.poll(() => cachedAlert(page, made.alias)).toMatchObject({ snoozed: true })
    await shot(page, 'snoozed')
  } finally {
    await context.close()
  }
})

for (const theme of ['light', 'dark'] as const) {
  test(`toned rows, chips and the save-view form pass axe (serious, critical), ${theme}`, async ({
    browser,
  }) => {
    const { context, page } = await openDemo(browser, mode, { colorScheme: theme, viewport: SMALL })
    try {
      await acknowledgeWhatRings(page)
      await expect(alertRows(page).filter({ hasText: 'Acknowledged' }).first()).toHaveClass(
        /alert-row--quiet/,
      )
      await page.getByRole('button', { name: 'P2' }).click()
      await page.getByLabel('Saved views').selectOption('Save current filters as…')
      await expect(page.getByLabel('View name')).toBeFocused()
      await page.getByRole('button', { name: 'P2' }).click()
      await page.screenshot({ path: join(OUT, `axe-${theme}.png`), animations: 'disabled' })
      const results = await new AxeBuilder({ page })
        .include('.alerts-view')
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
        .analyze()
      const serious = results.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.nodes[0]?.html.slice(0, 120) ?? ''}`)
      expect(serious).toEqual([])
    } finally {
      await context.close()
    }
  })
}
