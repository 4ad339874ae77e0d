import { expect, test, type Page } from '@playwright/test'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { BrowserMode } from '../../src/main/web/browser-mode'
import {
  acknowledgeWhatRings,
  alertRows,
  createAlert,
  notificationsSeen,
  openDemo,
  simAlert,
  simRingingAliases,
  startDemoMode,
} from './support/browser-mode'

/** Screenshots to look at (not committed): the banner at the small window, dark. */
const OUT = join(process.cwd(), 'test-results/alarm-path')
const SMALL = { width: 760, height: 900 }

let mode: BrowserMode

test.beforeAll(async () => {
  mkdirSync(OUT, { recursive: true })
  mode = await startDemoMode()
})
test.afterAll(async () => {
  await mode.close()
})

const alarmOf = (page: Page) => page.getByRole('alert', { name: /ringing:/ })

/** Issue 17, "The alarm path": a responder at 3 a.m., keyboard first, in a small dark window. */
test.describe.configure({ mode: 'serial' })

test('P1s open at launch ring; the banner is in the flow under the header; `a` acknowledges what rings, not the selection', async ({
  browser,
}) => {
  const { context, page } = await openDemo(browser, mode, { colorScheme: 'dark', viewport: SMALL })
  try {
    const ringing = simRingingAliases(mode)
    expect(ringing.length).toBeGreaterThan(1)
    const alarm = alarmOf(page)
    await expect(alarm).toContainText(`and ${ringing.length - 1} more`)
    await expect(page.getByRole('status', { name: /ringing, unacknowledged/ })).toHaveText(
      new RegExp(`^\\s*${ringing.length} ringing$`),
    )
    await expect(page).toHaveTitle(`(${ringing.length}) ringing · Ondeck`)

    // in the page flow: under the navigation, above the views, covering neither
    const box = async (locator: ReturnType<Page['locator']>) => {
      const found = await locator.boundingBox()
      if (found === null) throw new Error('not on screen')
      return found
    }
    const nav = await box(page.getByRole('navigation', { name: 'Views' }))
    const banner = await box(alarm)
    const main = await box(page.locator('#main'))
    expect(banner.y).toBeGreaterThanOrEqual(nav.y + nav.height)
    expect(main.y).toBeGreaterThanOrEqual(banner.y + banner.height - 1)
    await page.screenshot({ path: join(OUT, 'banner-760-dark.png'), animations: 'disabled' })

    await alarm.getByRole('button', { name: `Show all ${ringing.length}` }).click()
    await expect(
      alarm.getByRole('list', { name: 'Ringing alerts' }).getByRole('listitem'),
    ).toHaveCount(ringing.length)
    await page.screenshot({
      path: join(OUT, 'banner-expanded-760-dark.png'),
      animations: 'disabled',
    })

    // a P2 selected, P1s ringing: the key acknowledges what rings, and the banner names the key
    await expect(alarm.getByRole('button', { name: /Acknowledge all ringing/ })).toContainText('A')
    const p2 = alertRows(page).filter({ hasText: 'P2' }).filter({ hasText: 'Open' }).first()
    const p2Id = await p2.getAttribute('data-alert-id')
    await p2.click()
    await expect(p2).toHaveAttribute('aria-selected', 'true')
    await page.keyboard.press('a')
    for (const alias of ringing)
      await expect.poll(() => simAlert(mode, alias)).toMatchObject({ acknowledged: true })
    await expect(alarm).toBeHidden()
    await expect(page).toHaveTitle('Ondeck')
    // the selected P2 was left alone
    await expect(alertRows(page).and(page.locator(`[data-alert-id="${p2Id}"]`))).toContainText(
      'Open',
    )
  } finally {
    await context.close()
  }
})

test('ringing survives a reload; catch-up after opening is not "new alerts"', async ({
  browser,
}) => {
  const { context, page } = await openDemo(browser, mode, { colorScheme: 'dark', viewport: SMALL })
  try {
    const alert = await createAlert(mode, { message: 'Payments down', priority: 'P1' })
    await expect(alarmOf(page)).toContainText(alert.message)
    const seen = await notificationsSeen(page)
    // the new P1 notified, with what a responder needs in its body; nothing was a storm summary
    expect(seen.find((n) => n.title.includes(alert.message))?.body).toMatch(/^P1 · .* · just now/)
    expect(seen.filter((n) => /new alerts?/.test(n.title))).toEqual([])

    await page.reload()
    await expect(page.getByTestId('status-health')).toHaveAttribute('data-health', 'live')
    await expect(alarmOf(page)).toContainText(alert.message)
    await expect(page).toHaveTitle('(1) ringing · Ondeck')
    // after the reload the same alert rings again but is not notified again
    const after = await notificationsSeen(page)
    expect(after.filter((n) => n.title.includes(alert.message))).toEqual([])
    await page.screenshot({ path: join(OUT, 'after-reload-760-dark.png'), animations: 'disabled' })

    await page.keyboard.press('a')
    await expect.poll(() => simAlert(mode, alert.alias)).toMatchObject({ acknowledged: true })
    await expect(alarmOf(page)).toBeHidden()
  } finally {
    await context.close()
  }
})

test('`c` is held with Undo; multi-select with x and Shift-click acknowledges several at once', async ({
  browser,
}) => {
  const { context, page } = await openDemo(browser, mode, { colorScheme: 'dark', viewport: SMALL })
  try {
    await acknowledgeWhatRings(page)
    const made = [
      await createAlert(mode, { message: 'Cache miss storm', priority: 'P3' }),
      await createAlert(mode, { message: 'Cache miss storm', priority: 'P3' }),
      await createAlert(mode, { message: 'Cache miss storm', priority: 'P3' }),
    ]
    const rows = alertRows(page).filter({ hasText: 'Cache miss storm' })
    await expect(rows).toHaveCount(3)

    // close by mistake, undo from the keyboard: nothing reaches Opsgenie
    await rows.first().click()
    await page.keyboard.press('c')
    const undo = page.getByRole('status', { name: 'Undo' })
    await expect(undo).toContainText('Closing #')
    await expect(rows).toHaveCount(2) // shown closed at once, while the outbox holds it
    await page.screenshot({ path: join(OUT, 'undo-close-760-dark.png'), animations: 'disabled' })
    await page.keyboard.press('u')
    await expect(undo).toBeHidden()
    await expect(rows).toHaveCount(3) // withdrawn: open again, and never sent
    for (const alert of made) expect(simAlert(mode, alert.alias)).toMatchObject({ status: 'open' })

    // tick the first with x, Shift-click the third: three ticked, one bulk acknowledge
    await page.keyboard.press('x')
    await rows.nth(2).click({ modifiers: ['Shift'] })
    const bar = page.getByRole('toolbar', { name: 'Bulk actions' })
    await expect(bar).toContainText('3 selected')
    await page.screenshot({ path: join(OUT, 'bulk-760-dark.png'), animations: 'disabled' })
    await bar.getByRole('button', { name: 'Acknowledge' }).click()
    for (const alert of made)
      await expect.poll(() => simAlert(mode, alert.alias)).toMatchObject({ acknowledged: true })
  } finally {
    await context.close()
  }
})
