import type { Page } from 'playwright-core'

/** What the init script records in the app page, in `performance.now()` ms from navigation start. */
export interface ColdStart {
  /** First `[data-alert-id]` row in the DOM with a non-zero box. */
  readonly firstRowMs: number
  /** The frame after that row was inserted has been produced (rAF, then a task after it). */
  readonly paintedMs: number
  readonly rowsAtPaint: number
  readonly firstRowPriority: string | null
  /** The full 100,000-row set replaced the preview (`aria-busy="false"` on the list). */
  readonly completeMs: number
  readonly firstContentfulPaintMs: number | null
  readonly domContentLoadedMs: number | null
  /** Wall clock in Node from `page.goto` to the painted mark. */
  readonly wallMs: number
}

interface Marks {
  firstRowMs?: number
  paintedMs?: number
  rowsAtPaint?: number
  firstRowPriority?: string | null
  completeMs?: number
}

/** Runs before any app script: watches the DOM for the first alert row and the complete list. */
function installMarks(): void {
  const marks: Marks = {}
  ;(window as unknown as { __coldStart: Marks }).__coldStart = marks
  const check = (): void => {
    if (marks.firstRowMs === undefined) {
      const row = document.querySelector('[data-alert-id]')
      if (row !== null && row.getBoundingClientRect().height > 0) {
        marks.firstRowMs = performance.now()
        marks.rowsAtPaint = document.querySelectorAll('[data-alert-id]').length
        marks.firstRowPriority = row.querySelector('.badge')?.firstChild?.textContent ?? null
        requestAnimationFrame(() => {
          const channel = new MessageChannel()
          channel.port1.onmessage = () => (marks.paintedMs = performance.now())
          channel.port2.postMessage(0)
        })
      }
    }
    if (
      marks.completeMs === undefined &&
      document.querySelector('[aria-busy="false"] [data-alert-id]')
    )
      marks.completeMs = performance.now()
    if (marks.firstRowMs !== undefined && marks.completeMs !== undefined) observer.disconnect()
  }
  const observer = new MutationObserver(check)
  observer.observe(document, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ['aria-busy'],
  })
}

export async function measureColdStart(page: Page, url: string): Promise<ColdStart> {
  await page.addInitScript(installMarks)
  const started = Date.now()
  await page.goto(url, { waitUntil: 'commit' })
  await page.waitForFunction(
    () => (window as unknown as { __coldStart?: Marks }).__coldStart?.paintedMs !== undefined,
    null,
    { timeout: 60_000, polling: 20 },
  )
  const wallMs = Date.now() - started
  await page.waitForFunction(
    () => (window as unknown as { __coldStart?: Marks }).__coldStart?.completeMs !== undefined,
    null,
    { timeout: 120_000, polling: 200 },
  )
  const marks = await page.evaluate(() => {
    const m = (window as unknown as { __coldStart: Marks }).__coldStart
    const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null
    const nav = performance.getEntriesByType('navigation')[0] as
      PerformanceNavigationTiming | undefined
    return { ...m, fcp, dcl: nav?.domContentLoadedEventEnd ?? null }
  })
  return {
    firstRowMs: r(marks.firstRowMs ?? NaN),
    paintedMs: r(marks.paintedMs ?? NaN),
    rowsAtPaint: marks.rowsAtPaint ?? 0,
    firstRowPriority: marks.firstRowPriority ?? null,
    completeMs: r(marks.completeMs ?? NaN),
    firstContentfulPaintMs: marks.fcp === null ? null : r(marks.fcp),
    domContentLoadedMs: marks.dcl === null ? null : r(marks.dcl),
    wallMs,
  }
}

function r(n: number): number {
  return Math.round(n * 10) / 10
}
