import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import type { BrowserMode } from '../../src/main/web/browser-mode'
import { alertRows, openDemo, startDemoMode } from './support/browser-mode'

/**
 * Issue 17, "Done when": axe-core finds no serious or critical WCAG A/AA violation in any view of
 * the Demo workspace, in either theme, nor in the keyboard's overlays. The views come from the
 * navigation itself, so a new view is scanned without touching this file.
 */
const OUT = join(process.cwd(), 'test-results/accessibility')
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

let mode: BrowserMode

test.beforeAll(async () => {
  mkdirSync(OUT, { recursive: true })
  mode = await startDemoMode()
})
test.afterAll(async () => {
  await mode.close()
})

/**
 * Serious and critical violations, one line per rule with how many elements and the first one,
 * so a failure says what to fix without a page of repeated rows.
 */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG).analyze()
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => {
      const first = v.nodes[0]
      const why = first?.failureSummary?.split('\n').slice(1).join(' ').trim() ?? ''
      return `${v.id} (${v.impact}) on ${v.nodes.length} element(s), e.g. ${first?.html.slice(0, 160) ?? '?'}: ${why}`
    })
}

const nav = (page: Page) => page.getByRole('navigation', { name: 'Views' })

for (const theme of ['light', 'dark'] as const) {
  test(`every view and overlay passes axe, ${theme}`, async ({ browser }) => {
    const { context, page } = await openDemo(browser, mode, { colorScheme: theme })
    try {
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme)
      const found: Record<string, string[]> = {}
      const scan = async (name: string): Promise<void> => {
        await page.screenshot({ path: join(OUT, `${name}-${theme}.png`), animations: 'disabled' })
        const violations = await seriousViolations(page)
        if (violations.length > 0) found[name] = violations
      }

      // the alerts view as it opens (P1s ringing at launch), then with an alert's detail open
      await scan('alerts-ringing')
      await alertRows(page).first().click()
      await expect(page.locator('#alert-detail-title')).toBeVisible()
      await scan('alerts-detail')

      const views = await nav(page).getByRole('button').allInnerTexts()
      expect(views.length).toBeGreaterThan(4)
      for (const view of views) {
        await nav(page).getByRole('button', { name: view, exact: true }).click()
        await expect(nav(page).getByRole('button', { name: view, exact: true })).toHaveAttribute(
          'aria-current',
          'page',
        )
        await expect(page.getByRole('main').getByText('Loading…')).toHaveCount(0)
        await scan(view.toLowerCase().replace(/\W+/g, '-'))
      }

      await page.keyboard.press('Control+k')
      await expect(page.getByRole('dialog', { name: 'Command palette' })).toBeVisible()
      await scan('command-palette')
      await page.keyboard.press('Escape')
      await page.keyboard.press('?')
      await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible()
      await scan('shortcuts')
      await page.keyboard.press('Escape')

      expect(found).toEqual({})
    } finally {
      await context.close()
    }
  })
}
