import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import type { BrowserMode } from '../../src/main/web/browser-mode'
import { alertRows, openDemo, startDemoMode } from './support/browser-mode'

/** Issue 17, items 12-14, as a responder at 3 a.m.: 760×900, dark, from the alert they hold. */
const OUT = join(process.cwd(), 'test-results/incidents-oncall')
const SMALL = { width: 760, height: 900 }

let mode: BrowserMode

test.beforeAll(async () => {
  mkdirSync(OUT, { recursive: true })
  mode = await startDemoMode()
})
test.afterAll(async () => {
  await mode.close()
})

test('Declare from a P1 alert: prefilled, Critical, one live row that Opsgenie joins', async ({
  browser,
}) => {
  test.setTimeout(90_000)
  const { context, page } = await openDemo(browser, mode, { colorScheme: 'dark', viewport: SMALL })
  try {
    const p1 = alertRows(page).filter({ hasText: 'P1' }).first()
    await p1.click()
    const title = (await page.locator('#alert-detail-title').first().textContent())?.trim() ?? ''
    expect(title).not.toBe('')
    await page
      .getByRole('toolbar', { name: 'Alert actions' })
      .getByRole('button', { name: /Declare incident/ })
      .click()

    const form = page.getByRole('form', { name: 'Declare incident' })
    await expect(form.getByRole('textbox', { name: 'Title' })).toHaveValue(title)
    await expect(form.getByRole('combobox', { name: 'Severity' })).toHaveValue('Critical')
    await expect(form.getByText(/From alert #\d+ \(P1\)/)).toBeVisible()
    await expect(form.getByRole('list', { name: 'Chosen alerts' })).toContainText(title)
    await page.screenshot({
      path: join(OUT, 'declare-from-alert-760-dark.png'),
      animations: 'disabled',
    })
    await form.getByRole('button', { name: 'Declare' }).click()
    await expect(page.getByRole('heading', { level: 2, name: title })).toBeVisible()

    // One list, no reload: the row is there at once, and Opsgenie's incident joins it.
    const list = page.getByRole('list', { name: 'Incident list' })
    const row = list.getByRole('button').filter({ hasText: title })
    await expect(row).toHaveCount(1)
    await expect(row).toContainText(/On this computer only|Coordinated here/)
    await expect(row).toContainText('P1')
    // the outbox confirms the Opsgenie create: the row says so without a reload
    await expect(row).toContainText(/(?<!opening )in Opsgenie|Coordinated here/, {
      timeout: 30_000,
    })
    await expect(page.getByText(/live on this computer only/)).toBeVisible()
    await expect(page.getByRole('tab', { name: 'Workflows' })).toBeVisible()
    await page.screenshot({
      path: join(OUT, 'incidents-one-list-760-dark.png'),
      animations: 'disabled',
    })
  } finally {
    await context.close()
  }
})

test('On call answers "am I on call?" first, before any username is typed', async ({ browser }) => {
  const { context, page } = await openDemo(browser, mode, { colorScheme: 'dark', viewport: SMALL })
  try {
    await page
      .getByRole('navigation', { name: 'Views' })
      .getByRole('button', { name: 'On call' })
      .click()
    const ask = page.getByRole('region', { name: 'You' })
    const who = ask.getByRole('combobox', { name: 'Who are you?' })
    await expect(who.locator('option').nth(1)).toBeAttached()
    const username = await who.locator('option').nth(1).getAttribute('value')
    await who.selectOption(username ?? '')
    await ask.getByRole('button', { name: 'This is me' }).click()
    const you = page.getByRole('region', { name: `You (${username ?? ''})` })
    await expect(you).toContainText(/You are (not )?on call now/)
    await expect(you).toContainText(
      /(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d+ \w{3} \d\d:\d\d \S+ \((in|.* ago)/,
    )
    await expect(page.getByRole('heading', { name: /^Next seven days/ })).toBeVisible()
    await expect(page.getByRole('heading', { name: 'Escalation chains' })).toBeVisible()
    await page.screenshot({ path: join(OUT, 'on-call-you-760-dark.png'), animations: 'disabled' })
  } finally {
    await context.close()
  }
})
