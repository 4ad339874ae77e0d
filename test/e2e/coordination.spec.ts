import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import type { BrowserMode } from '../../src/main/web/browser-mode'
import { demoOf, openDemo, startDemoMode } from './support/browser-mode'

/**
 * Issue 7's first scenario through the UI: two workflows made in the editor page two schedules
 * at P1, each once, when a Critical incident tagged `security` is declared. The Demo seed has no
 * "Infrastructure" schedule: its schedules are `<Team>_schedule`, so Platform stands in for it.
 */
const OUT = join(process.cwd(), 'docs/screenshots')
const FIRST = { name: 'Critical pages Platform', schedule: 'Platform_schedule' }
const SECOND = { name: 'tag security pages Security', schedule: 'Security_schedule' }

let mode: BrowserMode

test.beforeAll(async () => {
  mkdirSync(OUT, { recursive: true })
  mode = await startDemoMode()
})
test.afterAll(async () => {
  await mode.close()
})

async function openTab(page: Page, tab: string): Promise<void> {
  await page.getByRole('tab', { name: tab }).click()
  await expect(page.getByRole('tab', { name: tab })).toHaveAttribute('aria-selected', 'true')
}

async function createWorkflow(
  page: Page,
  w: { name: string; schedule: string },
  condition: { field: string; values: string },
): Promise<void> {
  await page.getByRole('button', { name: 'New workflow' }).click()
  const editor = page.getByRole('form', { name: 'Workflow editor' })
  await editor.getByLabel('Workflow name').fill(w.name)
  await editor.getByRole('button', { name: 'Add condition' }).click()
  const c = editor.getByRole('group', { name: 'Condition 1' })
  await c.getByLabel('Field').selectOption({ label: condition.field })
  await c.getByLabel('is one of').fill(condition.values)
  const a = editor.getByRole('group', { name: 'Action 1' })
  await a.getByRole('combobox', { name: /^Target/ }).selectOption('schedule')
  await a.getByLabel('Target name').fill(w.schedule)
  await editor.getByRole('button', { name: 'Save workflow' }).click()
  await expect(
    page
      .getByRole('list', { name: 'Workflow list' })
      .getByRole('button', { name: w.name, exact: true }),
  ).toBeVisible()
}

/** P1 alerts on the simulator aimed at the schedule, by name. */
function pagesOf(schedule: string): number {
  let n = 0
  for (const alert of demoOf(mode).demo.simulator.state.alerts.values())
    if (
      alert.status === 'open' &&
      alert.priority === 'P1' &&
      alert.responders.some((r) => r.type === 'schedule' && r.name === schedule)
    )
      n += 1
  return n
}

test('a Critical incident tagged security pages both schedules at P1, each once', async ({
  browser,
}) => {
  test.setTimeout(120_000)
  const { context, page } = await openDemo(browser, mode)
  try {
    expect(pagesOf(FIRST.schedule) + pagesOf(SECOND.schedule)).toBe(0)
    await page
      .getByRole('navigation', { name: 'Views' })
      .getByRole('button', { name: 'Incidents' })
      .click()
    await openTab(page, 'Workflows')
    // the defaults are created when the workspace connects
    await expect(
      page.getByRole('button', { name: 'Add on-call responders to new incidents', exact: true }),
    ).toBeVisible()
    await createWorkflow(page, FIRST, { field: 'Severity', values: 'Critical' })
    await createWorkflow(page, SECOND, { field: 'Tag', values: 'security' })

    // from the command palette, as a responder in a hurry would
    await page.keyboard.press('Control+k')
    await page.getByRole('combobox', { name: 'Search commands' }).fill('Declare incident')
    await page.keyboard.press('Enter')
    const form = page.getByRole('form', { name: 'Declare incident' })
    await form.getByLabel('Title').fill('Credentials leaked on the edge')
    await form.getByLabel('Severity').selectOption('Critical')
    await form.getByLabel('Tags (comma separated)').fill('security')
    await form.getByRole('button', { name: 'Declare' }).click()
    await expect(
      page.getByRole('heading', { level: 2, name: 'Credentials leaked on the edge' }),
    ).toBeVisible()

    await expect.poll(() => pagesOf(FIRST.schedule), { timeout: 20_000 }).toBe(1)
    await expect.poll(() => pagesOf(SECOND.schedule), { timeout: 20_000 }).toBe(1)
    // both runs are on the timeline, and their pages are confirmed by the outbox
    const timeline = page.getByRole('list', { name: 'Incident timeline' })
    for (const w of [FIRST, SECOND]) {
      const entry = timeline.getByRole('listitem').filter({ hasText: `Workflow "${w.name}"` })
      await expect(entry).toContainText(`paged schedule ${w.schedule} at P1`)
      await expect(entry.locator('[data-outcome]')).toContainText('sent', { timeout: 20_000 })
    }
    // settled: still one page each
    expect(pagesOf(FIRST.schedule)).toBe(1)
    expect(pagesOf(SECOND.schedule)).toBe(1)
    // the two pages ring here too: acknowledge them from the alarm, as the responder would
    const alarm = page.getByRole('alert').filter({ hasText: 'ringing' })
    await expect(async () => {
      if ((await alarm.count()) > 0)
        await alarm.getByRole('button', { name: 'Acknowledge' }).click({ timeout: 2_000 })
      await expect(alarm).toHaveCount(0, { timeout: 2_000 })
    }).toPass({ timeout: 30_000 })
    // ... and the acknowledgements come back onto the incident's timeline
    await expect(timeline.getByText(/acknowledged/i).first()).toBeVisible({ timeout: 20_000 })
    await page.screenshot({
      path: join(OUT, 'coordination-incident-light.png'),
      animations: 'disabled',
    })

    await openTab(page, 'Workflows')
    await page.getByRole('button', { name: FIRST.name, exact: true }).click()
    const editor = page.getByRole('form', { name: 'Workflow editor' })
    await editor.getByRole('button', { name: 'Dry run' }).click()
    await expect(editor.getByRole('list', { name: 'Dry run result' })).toContainText(
      `pages schedule ${FIRST.schedule} at P1`,
    )
    await editor.getByRole('list', { name: 'Dry run result' }).scrollIntoViewIfNeeded()
    await page.screenshot({
      path: join(OUT, 'coordination-workflows-light.png'),
      animations: 'disabled',
    })

    await openTab(page, 'Services import')
    await page.getByRole('button', { name: 'Import services' }).click()
    const seeded = demoOf(mode).demo.simulator.state.services.length
    await expect(page.getByTestId('import-progress')).toHaveText(`${seeded} of ${seeded} · done`, {
      timeout: 20_000,
    })
    const first = demoOf(mode).demo.simulator.state.services[0]?.name ?? 'no seeded service'
    await page
      .getByRole('list', { name: 'Imported services' })
      .getByRole('button', { name: first })
      .click()
    await expect(page.getByRole('article', { name: first })).toBeVisible()
    await page.screenshot({
      path: join(OUT, 'coordination-services-light.png'),
      animations: 'disabled',
    })
  } finally {
    await context.close()
  }
})
