/**
 * `npx tsx bench/cache/profile-scroll.ts [alerts]`: what the page's main thread does in its long
 * tasks while the app (built here unminified, so the profile names functions) scrolls
 * the cached list. Ingests `alerts` through the harness, cold-starts the app on that cache, records
 * a CDP CPU profile over the same scroll drivers as the benchmark, and prints, for every stretch of
 * samples over 50 ms without an idle gap, the functions with the most self and total time in it.
 */
import { measureColdStart } from './app-measure'
import { idleFps, scrollBySteps, scrollByWheel } from './scroll-measure'
import { longTasksOf, type Profile, type TraceEvent } from './profile-report'
import { withIngestedProfile } from './profiled-app'
import { BENCH_LAUNCH_TOKEN } from './server'

const alerts = Number(process.argv[2] ?? 100_000)
await withIngestedProfile(alerts, async ({ context, page, origin }) => {
  await measureColdStart(page, `${origin}/#launch=${BENCH_LAUNCH_TOKEN}`)
  const cdp = await context.newCDPSession(page)
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 })
  await cdp.send('Profiler.start')
  const trace: TraceEvent[] = []
  cdp.on('Tracing.dataCollected', (e) => trace.push(...(e.value as unknown as TraceEvent[])))
  const traced = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve))
  await cdp.send('Tracing.start', {
    categories: 'devtools.timeline,disabled-by-default-devtools.timeline',
    transferMode: 'ReportEvents',
  })
  const runs = [
    await idleFps(page, 1_500),
    await scrollBySteps(page, 132, 3_000),
    await scrollBySteps(page, 1_760, 3_000),
    await scrollByWheel(page, 400, 120),
  ]
  const { profile: p } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile }
  await cdp.send('Tracing.end')
  await traced
  const slow = trace
    .filter(
      (e) =>
        e.ph === 'X' &&
        (e.dur ?? 0) > 16_000 &&
        e.name !== 'RunTask' &&
        e.name !== 'ThreadControllerImpl::RunTask',
    )
    .sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))
    .slice(0, 30)
  for (const e of slow)
    console.log(
      `trace ${Math.round((e.dur ?? 0) / 1000)} ms ${e.name} ${JSON.stringify(e.args ?? {}).slice(0, 300)}`,
    )
  console.table(runs.map((r) => ({ driver: r.driver, fps: r.fps, longestTaskMs: r.longestTaskMs })))
  console.log(longTasksOf(p))
})
