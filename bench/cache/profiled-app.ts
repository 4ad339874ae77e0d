import react from '@vitejs/plugin-react'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { build } from 'vite'
import { callHarness, firstPage, launchProfile } from './browser'
import { buildHarness, repoRoot } from './build'
import { serveStatic } from './server'

/**
 * What the profiling scripts (`profile-scroll.ts`, `profile-cold.ts`) share: the app built
 * unminified (so a CPU profile names functions) and served with the harness, `alerts` ingested
 * through the harness into an on-disk profile, and a new browser on that profile, its page not yet
 * on the app. Everything is removed afterwards.
 */
export async function withIngestedProfile(
  alerts: number,
  run: (browser: { context: BrowserContext; page: Page; origin: string }) => Promise<void>,
): Promise<void> {
  const harness = await buildHarness(false)
  const appRoot = mkdtempSync(join(tmpdir(), 'ondeck-profiled-app-'))
  await build({
    configFile: false,
    logLevel: 'warn',
    root: join(repoRoot, 'src', 'renderer'),
    plugins: [react()],
    resolve: { alias: { '@shared': join(repoRoot, 'src', 'shared') } },
    build: { outDir: appRoot, emptyOutDir: true, minify: false },
  })
  const server = await serveStatic(appRoot, harness)
  const dir = mkdtempSync(join(tmpdir(), 'ondeck-profiled-'))
  try {
    const ingesting = await launchProfile(dir)
    const page = await firstPage(ingesting)
    await page.goto(`${server.origin}/harness/harness.html`)
    await page.waitForFunction(() => 'cacheBench' in window)
    await callHarness(page, 'ingest', 'prof', alerts)
    await callHarness(page, 'saveWorkspace', 'prof', 'Profile')
    await ingesting.close()
    const context = await launchProfile(dir)
    try {
      await run({ context, page: await firstPage(context), origin: server.origin })
    } finally {
      await context.close()
    }
  } finally {
    await server.close()
    rmSync(dir, { recursive: true, force: true })
    rmSync(harness, { recursive: true, force: true })
    rmSync(appRoot, { recursive: true, force: true })
  }
}
