/**
 * `npx tsx bench/cache/profile-cold.ts [alerts]`: what the page's main thread does while the app
 * (built here unminified, so the profile names functions) cold-starts on a cache of `alerts`.
 * Ingests through the harness, closes the browser, starts a new one on the same profile, records a
 * CDP CPU profile from the harness page through the app's navigation until the list is complete,
 * and prints the cold start's marks, the functions with the most self time, and every stretch of
 * samples over 50 ms. Idle time in it is the page waiting, mostly on IndexedDB.
 */
import react from '@vitejs/plugin-react'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { build } from 'vite'
import { measureColdStart } from './app-measure'
import { callHarness, firstPage, launchProfile } from './browser'
import { buildHarness, repoRoot } from './build'
import { longTasksOf, type Profile } from './profile-report'
import { BENCH_LAUNCH_TOKEN, serveStatic } from './server'

const alerts = Number(process.argv[2] ?? 100_000)
const harness = await buildHarness(false)
const appRoot = mkdtempSync(join(tmpdir(), 'ondeck-cold-app-'))
await build({
  configFile: false,
  logLevel: 'warn',
  root: join(repoRoot, 'src', 'renderer'),
  plugins: [react()],
  resolve: { alias: { '@shared': join(repoRoot, 'src', 'shared') } },
  build: { outDir: appRoot, emptyOutDir: true, minify: false },
})
const server = await serveStatic(appRoot, harness)
const dir = mkdtempSync(join(tmpdir(), 'ondeck-cold-prof-'))
try {
  let context = await launchProfile(dir)
  let page = await firstPage(context)
  await page.goto(`${server.origin}/harness/harness.html`)
  await page.waitForFunction(() => 'cacheBench' in window)
  await callHarness(page, 'ingest', 'prof', alerts)
  await callHarness(page, 'saveWorkspace', 'prof', 'Profile')
  await context.close()
  context = await launchProfile(dir)
  page = await firstPage(context)
  // same origin, so the CDP session and its profile survive the navigation to the app
  await page.goto(`${server.origin}/harness/harness.html`)
  const cdp = await context.newCDPSession(page)
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 })
  await cdp.send('Profiler.start')
  const cold = await measureColdStart(page, `${server.origin}/#launch=${BENCH_LAUNCH_TOKEN}`)
  const { profile: p } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile }
  console.log(cold)
  const byNode = new Map(p.nodes.map((n) => [n.id, n]))
  const self = new Map<string, number>()
  p.samples.forEach((id, i) => {
    const frame = byNode.get(id)?.callFrame
    const module = frame?.url.split('/').slice(-1)[0] || '(native)'
    const fn = `${frame?.functionName || '(anonymous)'} ${module}:${frame?.lineNumber ?? 0}`
    self.set(fn, (self.get(fn) ?? 0) + (p.timeDeltas[i] ?? 0) / 1000)
  })
  console.table(
    Object.fromEntries(
      [...self]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 25)
        .map(([k, v]) => [k, Math.round(v)]),
    ),
  )
  console.log(longTasksOf(p))
  await context.close()
} finally {
  await server.close()
  rmSync(dir, { recursive: true, force: true })
  rmSync(harness, { recursive: true, force: true })
  rmSync(appRoot, { recursive: true, force: true })
}
