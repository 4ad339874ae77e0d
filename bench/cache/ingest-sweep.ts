/**
 * `npx tsx bench/cache/ingest-sweep.ts [alerts] [chunkSize,...] [runs]`: diagnosis only. Times the
 * harness ingest (no profiler attached) for each chunk size, interleaved so machine noise hits
 * every size alike, then the storage floor of the rows the last run wrote.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { callHarness, firstPage, launchProfile } from './browser'
import { buildHarness } from './build'
import { serveStatic } from './server'

const alerts = Number(process.argv[2] ?? 10_000)
const sizes = (process.argv[3] ?? '250').split(',').map(Number)
const runs = Number(process.argv[4] ?? 3)
const harness = await buildHarness()
const server = await serveStatic(harness, harness)
const profile = mkdtempSync(join(tmpdir(), 'ondeck-cache-sweep-'))
const context = await launchProfile(profile)
try {
  const page = await firstPage(context)
  await page.goto(`${server.origin}/harness/harness.html`)
  await page.waitForFunction(() => 'cacheBench' in window)
  await callHarness(page, 'ingest', 'warmup', 1_000)
  for (let r = 0; r < runs; r++) {
    for (const size of sizes) {
      // Long animation frames with script attribution: which code a long task ran (or none: GC, IPC).
      await page.evaluate(() => {
        const frames: unknown[] = []
        ;(window as unknown as { loaf: unknown[] }).loaf = frames
        new PerformanceObserver((list) => {
          for (const e of list.getEntries() as unknown as {
            duration: number
            blockingDuration: number
            scripts: { sourceFunctionName: string; invoker: string; duration: number }[]
          }[])
            if (e.blockingDuration > 0)
              frames.push({
                ms: Math.round(e.duration),
                blocking: Math.round(e.blockingDuration),
                scripts: e.scripts.map(
                  (x) => `${x.invoker} ${x.sourceFunctionName} ${Math.round(x.duration)}`,
                ),
              })
        }).observe({ type: 'long-animation-frame' })
      })
      const run = await callHarness(page, 'ingest', 'sweep', alerts, size)
      const loaf = await page.evaluate(() => (window as unknown as { loaf: unknown[] }).loaf)
      if (loaf.length > 0) console.log(JSON.stringify(loaf.slice(0, 8)))
      const b = run.blocking
      console.log(
        `chunk ${size}: ${run.ms} ms, longest task ${b.longestTaskMs} ms (${b.longTasks} long), max frame gap ${b.maxFrameGapMs} ms, stored ${run.storedAlerts}`,
      )
    }
  }
  console.log('storage floor', await callHarness(page, 'storageFloor', 'sweep', 'sweep-floor'))
} finally {
  await context.close()
  await server.close()
  rmSync(profile, { recursive: true, force: true })
  rmSync(harness, { recursive: true, force: true })
}
