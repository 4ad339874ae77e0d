/** Reading a CDP CPU profile: where the page's long tasks went (profile-scroll.ts, profile-ingest.ts). */
export interface ProfileNode {
  id: number
  parent?: number
  children?: number[]
  callFrame: { functionName: string; url: string; lineNumber: number }
}
export interface TraceEvent {
  name: string
  ph: string
  dur?: number
  args?: unknown
}
export interface Profile {
  nodes: ProfileNode[]
  startTime: number
  samples: number[]
  timeDeltas: number[]
}

/** Every stretch of profile samples over 50 ms without an idle gap, with its top functions. */
export function longTasksOf(p: Profile): string {
  const lines: string[] = []
  const byId = new Map(p.nodes.map((n) => [n.id, n]))
  const parents = new Map<number, number>()
  for (const n of p.nodes) for (const c of n.children ?? []) parents.set(c, n.id)
  const name = (n: ProfileNode | undefined): string =>
    `${n?.callFrame.functionName || '(anonymous)'} ${n?.callFrame.url.split('/').at(-1) ?? ''}:${n?.callFrame.lineNumber ?? 0}`
  const idle = (id: number): boolean => {
    const f = byId.get(id)?.callFrame.functionName
    return f === '(idle)' || f === '(program)'
  }
  let t = p.startTime
  let busy: { start: number; end: number; ids: number[]; deltas: number[] } | undefined
  const tasks: NonNullable<typeof busy>[] = []
  p.samples.forEach((id, i) => {
    const dt = p.timeDeltas[i] ?? 0
    t += dt
    if (idle(id)) {
      if (busy !== undefined && busy.end - busy.start > 50_000) tasks.push(busy)
      busy = undefined
      return
    }
    busy ??= { start: t, end: t, ids: [], deltas: [] }
    busy.end = t
    busy.ids.push(id)
    busy.deltas.push(dt)
  })
  for (const task of tasks) {
    const self = new Map<string, number>()
    const total = new Map<string, number>()
    task.ids.forEach((id, i) => {
      const ms = (task.deltas[i] ?? 0) / 1000
      self.set(name(byId.get(id)), (self.get(name(byId.get(id))) ?? 0) + ms)
      const seen = new Set<string>()
      for (let n: number | undefined = id; n !== undefined; n = parents.get(n)) {
        const k = name(byId.get(n))
        if (seen.has(k)) continue
        seen.add(k)
        total.set(k, (total.get(k) ?? 0) + ms)
      }
    })
    const top = (m: Map<string, number>): string =>
      [...m]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 12)
        .map(([k, v]) => `    ${Math.round(v)} ms ${k}`)
        .join('\n')
    lines.push(
      `\nbusy ${Math.round((task.end - task.start) / 1000)} ms at +${Math.round((task.start - p.startTime) / 1000)} ms`,
    )
    lines.push(`  self:\n${top(self)}\n  total:\n${top(total)}`)
  }
  return lines.join('\n')
}
