/**
 * `npx tsx bench/cache/profile-cold.ts [alerts]`: what the page's main thread does while the app
 * (built here unminified, so the profile names functions) cold-starts on a cache of `alerts`.
 * Ingests through the harness, closes the browser, starts a new one on the same profile, records a
 * CDP CPU profile from the harness page through the app's navigation until the list is complete,
 * and prints the cold start's marks, the functions with the most self time, and every stretch of
 * samples over 50 ms. Idle time in it is the page waiting, mostly on IndexedDB.
 */
import { measureColdStart } from './app-measure'
import { longTasksOf, type Profile } from './profile-report'
import { withIngestedProfile } from './profiled-app'
import { BENCH_LAUNCH_TOKEN } from './server'

const alerts = Number(process.argv[2] ?? 100_000)
await withIngestedProfile(alerts, async ({ context, page, origin }) => {
  // same origin, so the CDP session and its profile survive the navigation to the app
  await page.goto(`${origin}/harness/harness.html`)
  const cdp = await context.newCDPSession(page)
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 })
  await cdp.send('Profiler.start')
  const cold = await measureColdStart(page, `${origin}/#launch=${BENCH_LAUNCH_TOKEN}`)
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
})
