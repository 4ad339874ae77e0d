import type { Page } from 'playwright-core'

export interface ScrollRun {
  readonly driver: string
  readonly durationMs: number
  readonly frames: number
  readonly fps: number
  readonly maxFrameGapMs: number
  readonly p95FrameGapMs: number
  /** Frames that took longer than 1.5 vsyncs (25 ms). */
  readonly slowFrames: number
  readonly longestTaskMs: number
  readonly scrolledPx: number
  /** The rows in the DOM at the end match the scroll position (the list kept up). */
  readonly rowsMatchPosition: boolean
}

const LIST = '.alert-list[role="listbox"]'

interface Recorder {
  stamps: number[]
  tasks: number[]
  running: boolean
  startTop: number
}

/** Starts counting frames (rAF timestamps) and long tasks in the page. */
async function startRecorder(page: Page): Promise<void> {
  await page.evaluate((selector) => {
    const list = document.querySelector(selector) as HTMLElement
    const rec: Recorder = { stamps: [], tasks: [], running: true, startTop: list.scrollTop }
    ;(window as unknown as { __rec: Recorder }).__rec = rec
    const observer = new PerformanceObserver((l) => {
      for (const e of l.getEntries()) rec.tasks.push(e.duration)
    })
    observer.observe({ type: 'longtask' })
    const tick = (t: number): void => {
      if (!rec.running) return observer.disconnect()
      rec.stamps.push(t)
      requestAnimationFrame(tick)
    }
    requestAnimationFrame(tick)
  }, LIST)
}

async function stopRecorder(page: Page, driver: string): Promise<ScrollRun> {
  return page.evaluate(
    ({ selector, driver }) => {
      const rec = (window as unknown as { __rec: Recorder }).__rec
      rec.running = false
      const list = document.querySelector(selector) as HTMLElement
      const s = rec.stamps
      const gaps = s
        .slice(1)
        .map((t, i) => t - (s[i] as number))
        .sort((a, b) => a - b)
      const span = (s.at(-1) ?? 0) - (s[0] ?? 0)
      const rows = [...list.querySelectorAll('[data-alert-id]')].map((e) =>
        Number(e.getAttribute('aria-posinset')),
      )
      const topRow = Math.floor(list.scrollTop / 44) + 1
      const round = (n: number): number => Math.round(n * 10) / 10
      return {
        driver,
        durationMs: round(span),
        frames: s.length,
        fps: round(((s.length - 1) * 1000) / span),
        maxFrameGapMs: round(gaps.at(-1) ?? 0),
        p95FrameGapMs: round(gaps[Math.floor(gaps.length * 0.95)] ?? 0),
        slowFrames: gaps.filter((g) => g > 25).length,
        longestTaskMs: round(Math.max(0, ...rec.tasks)),
        scrolledPx: list.scrollTop - rec.startTop,
        rowsMatchPosition: rows.some((p) => p === topRow),
      }
    },
    { selector: LIST, driver },
  )
}

/** Moves scrollTop by `stepPx` on every animation frame for `durationMs`. */
export async function scrollBySteps(
  page: Page,
  stepPx: number,
  durationMs: number,
): Promise<ScrollRun> {
  await page.evaluate(
    (selector) => ((document.querySelector(selector) as HTMLElement).scrollTop = 0),
    LIST,
  )
  await startRecorder(page)
  await page.evaluate(
    ({ selector, stepPx, durationMs }) =>
      new Promise<void>((resolve) => {
        const list = document.querySelector(selector) as HTMLElement
        const start = performance.now()
        const step = (t: number): void => {
          if (t - start >= durationMs) return resolve()
          list.scrollTop += stepPx
          requestAnimationFrame(step)
        }
        requestAnimationFrame(step)
      }),
    { selector: LIST, stepPx, durationMs },
  )
  return stopRecorder(page, `scrollTop +${stepPx}px per frame`)
}

/** Real wheel input from Playwright (each `mouse.wheel` waits for the event to be dispatched). */
export async function scrollByWheel(page: Page, deltaY: number, count: number): Promise<ScrollRun> {
  const box = await page.locator(LIST).boundingBox()
  if (box === null) throw new Error('the alert list is not visible')
  await page.evaluate(
    (selector) => ((document.querySelector(selector) as HTMLElement).scrollTop = 0),
    LIST,
  )
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
  await startRecorder(page)
  for (let i = 0; i < count; i++) await page.mouse.wheel(0, deltaY)
  return stopRecorder(page, `mouse.wheel ${deltaY}px x ${count}`)
}

/** Frames per second with nothing happening: the ceiling this headless Chromium can show. */
export async function idleFps(page: Page, durationMs: number): Promise<ScrollRun> {
  await startRecorder(page)
  await page.evaluate(
    (durationMs) =>
      new Promise<void>((resolve) => {
        const start = performance.now()
        const wait = (t: number): void =>
          void (t - start >= durationMs ? resolve() : requestAnimationFrame(wait))
        requestAnimationFrame(wait)
      }),
    durationMs,
  )
  return stopRecorder(page, 'idle (no scrolling)')
}
