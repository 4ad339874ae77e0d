import { expect, test } from '@playwright/test'
import type { BrowserMode } from '../../src/main/web/browser-mode'
import { alertRows, createAlert, openDemo, startDemoMode } from './support/browser-mode'

/**
 * Issue 12, item 3: the cache is written by a dedicated worker, and the page's live queries see
 * those writes (Dexie's BroadcastChannel between the two contexts), in real Chromium under browser
 * mode's CSP.
 */
let mode: BrowserMode

test.beforeAll(async () => {
  mode = await startDemoMode()
})
test.afterAll(async () => {
  await mode.close()
})

test('events are written by the ingest worker and appear live in the list', async ({ browser }) => {
  const { context, page } = await openDemo(browser, mode)
  const refused: string[] = []
  page.on('console', (m) => {
    if (/Content.Security.Policy|ingest worker failed/i.test(m.text())) refused.push(m.text())
  })
  try {
    await expect
      .poll(() => page.workers().map((w) => w.url()), { timeout: 20_000 })
      .toEqual([expect.stringMatching(/ingest\.worker.*\.js$/)])
    const [worker] = page.workers()
    // The worker shares the page's IndexedDB (same origin): the cache it writes is the one shown.
    const names = await worker?.evaluate(async () =>
      (await indexedDB.databases()).map((d) => d.name),
    )
    expect(names).toContainEqual(expect.stringMatching(/^ondeck-cache-/))
    const fresh = await createAlert(mode, { message: 'Written by the worker', priority: 'P1' })
    await expect(alertRows(page).filter({ hasText: fresh.message })).toBeVisible({
      timeout: 30_000,
    })
    expect(refused).toEqual([])
  } finally {
    await context.close()
  }
})
