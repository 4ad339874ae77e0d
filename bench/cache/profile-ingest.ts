/**
 * `npx tsx bench/cache/profile-ingest.ts [alerts] [chunkSize]`: where the main thread's time goes during one
 * ingest (a CDP CPU profile of the harness page, unminified), self time grouped by function. The cache benchmark cites it as the cause when ingest misses its target.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { callHarness, firstPage, launchProfile } from './browser'
import { buildApp, buildHarness } from './build'
import { longTasksOf, type Profile } from './profile-report'
import { serveStatic } from './server'

const alerts = Number(process.argv[2] ?? 10_000)
/** Given, sync's ingest runs on the page with it (as before the worker); else the ingest worker. */
const chunkSize = process.argv[3] === undefined ? undefined : Number(process.argv[3])
const harness = await buildHarness(false)
const server = await serveStatic(buildApp(), harness)
const profile = mkdtempSync(join(tmpdir(), 'ondeck-cache-prof-'))
const context = await launchProfile(profile)
try {
  const page = await firstPage(context)
  await page.goto(`${server.origin}/harness/harness.html`)
  await page.waitForFunction(() => 'cacheBench' in window)
  await callHarness(page, 'ingest', 'warmup', 1_000)
  const cdp = await context.newCDPSession(page)
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
  await cdp.send('Profiler.start')
  const run = await callHarness(page, 'ingest', 'profiled', alerts, chunkSize)
  const { profile: p } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile }
  const byNode = new Map(p.nodes.map((n) => [n.id, n]))
  const byFunction = new Map<string, number>()
  p.samples.forEach((id, i) => {
    const frame = byNode.get(id)?.callFrame
    const ms = (p.timeDeltas[i] ?? 0) / 1000
    const module = frame?.url.split('/').slice(-1)[0] || '(native)'
    const fn = `${frame?.functionName || '(anonymous)'} ${module}:${frame?.lineNumber ?? 0}`
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + ms)
  })
  const top = (m: Map<string, number>, n: number): Record<string, number> =>
    Object.fromEntries(
      [...m]
        .sort((a, b) => b[1] - a[1])
        .slice(0, n)
        .map(([k, v]) => [k, Math.round(v)]),
    )
  console.log(`ingest of ${alerts}: ${run.ms} ms`, run.blocking)
  console.table(top(byFunction, 25))
  console.log(longTasksOf(p))
} finally {
  await context.close()
  await server.close()
  rmSync(profile, { recursive: true, force: true })
  rmSync(harness, { recursive: true, force: true })
}
