import { spawnSync } from 'node:child_process'
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import { HARNESS_GLOBAL, type HarnessApi } from './harness-api'

export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium'

/**
 * A Chromium profile on disk: the cache written in one launch is read by the next, so a cold
 * start is a new browser process opening IndexedDB from disk, not a warm tab.
 */
export async function launchProfile(userDataDir: string): Promise<BrowserContext> {
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  })
  // tsx (esbuild keepNames) wraps named inner functions in `__name(...)`; functions handed to
  // page.evaluate/addInitScript run in the page, which has no such helper.
  await context.addInitScript({ content: 'globalThis.__name ??= (f) => f' })
  return context
}

export function chromiumVersion(): string {
  const out = spawnSync(CHROMIUM, ['--version'], { encoding: 'utf8' })
  return out.stdout.trim()
}

export async function firstPage(context: BrowserContext): Promise<Page> {
  return context.pages()[0] ?? context.newPage()
}

/** Calls one method of the harness page's API; arguments and results cross as JSON. */
export async function callHarness<K extends keyof HarnessApi>(
  page: Page,
  method: K,
  ...args: Parameters<HarnessApi[K]>
): Promise<Awaited<ReturnType<HarnessApi[K]>>> {
  return page.evaluate(
    ([name, method, args]) => {
      const api = (
        window as unknown as Record<string, Record<string, (...a: unknown[]) => unknown>>
      )[name]
      const fn = api?.[method]
      if (fn === undefined) throw new Error(`harness has no ${method}()`)
      return fn(...args)
    },
    [HARNESS_GLOBAL, method, args] as const,
  ) as Promise<Awaited<ReturnType<HarnessApi[K]>>>
}
