/**
 * Governor sharing benchmark: Ondeck desktops (each its own workspace registry and governor, as
 * on separate machines) and a client that ignores rate limits, all on one simulated Opsgenie
 * account, in real time over loopback. Per scenario: 429s, each client's share of the completed
 * requests, and throughput against the account's limit. Writes bench/results/governor-shared.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, platform, release, totalmem } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { DEFAULT_ACCOUNT_SHARE, DEFAULT_SAFETY_MARGIN } from '../src/main/gateway/governor'
import {
  busyDesktop,
  connectDesktop,
  earlyRetries,
  greedyClient,
  startSharedAccount,
} from '../test/main/gateway/governor/shared-account'

const here = dirname(fileURLToPath(import.meta.url))

/** The alert domain's per-second window is the one under test; per-minute is kept out of reach. */
const ACCOUNT = { alert: { perSecond: 20, perMinute: 100_000 } }
const SECONDS = 12
/** Requests each desktop keeps waiting on the governor: far more than its budget, so it is busy. */
const LANES = 4
/** Client-side concurrency makes a few in-flight requests land just after a 429; see `notes`. */
const SLACK_MS = 50

interface Participant {
  readonly key: string
  readonly kind: 'desktop' | 'greedy'
  /** Account share for a desktop. */
  readonly share?: number
}

interface Scenario {
  readonly name: string
  readonly what: string
  readonly participants: readonly Participant[]
}

const SCENARIOS: readonly Scenario[] = [
  {
    name: 'one desktop alone',
    what: 'the cost of the share: a lone desktop leaves half the account unused',
    participants: [{ key: 'desk-a', kind: 'desktop', share: DEFAULT_ACCOUNT_SHARE }],
  },
  {
    name: 'two desktops, share 1/2',
    what: 'the default: each budgets half of what /v2/request-limits states',
    participants: [
      { key: 'desk-a', kind: 'desktop', share: DEFAULT_ACCOUNT_SHARE },
      { key: 'desk-b', kind: 'desktop', share: DEFAULT_ACCOUNT_SHARE },
    ],
  },
  {
    name: 'two desktops, share 1',
    what: 'each believes it has the whole account, and backs off only on 429s',
    participants: [
      { key: 'desk-a', kind: 'desktop', share: 1 },
      { key: 'desk-b', kind: 'desktop', share: 1 },
    ],
  },
  {
    name: 'desktop vs greedy script',
    what: 'a client that ignores 429s takes the account; the desktop backs off',
    participants: [
      { key: 'desk-a', kind: 'desktop', share: DEFAULT_ACCOUNT_SHARE },
      { key: 'greedy', kind: 'greedy' },
    ],
  },
]

interface ClientResult {
  key: string
  requests: number
  completed: number
  throttled: number
  shareOfCompletedPercent: number
  sentWithinPeriodAfter429: number
}

interface ScenarioResult {
  name: string
  what: string
  seconds: number
  throttled: number
  completedPerSecond: number
  ofAccountLimitPercent: number
  clients: ClientResult[]
}

async function runScenario(scenario: Scenario): Promise<ScenarioResult> {
  const keys = scenario.participants.map((p) => p.key)
  const account = await startSharedAccount(keys, ACCOUNT)
  try {
    const desktops = await Promise.all(
      scenario.participants
        .filter((p) => p.kind === 'desktop')
        .map(async (p) => ({
          key: p.key,
          desktop: await connectDesktop(account.sim, p.key, {
            accountShare: p.share ?? DEFAULT_ACCOUNT_SHARE,
          }),
        })),
    )
    await Promise.all(desktops.map((d) => d.desktop.connection.limits))
    account.hits.length = 0
    const start = performance.now()
    const stopAt = start + SECONDS * 1000
    // at the end, disconnecting rejects whatever still waits in a governor, so lanes end at once
    const stop = setTimeout(() => {
      for (const d of desktops) void d.desktop.workspaces.disconnectAll()
    }, stopAt - start)
    await Promise.all(
      scenario.participants.map((p) => {
        const desktop = desktops.find((d) => d.key === p.key)?.desktop
        return desktop !== undefined
          ? busyDesktop(desktop, LANES, stopAt)
          : greedyClient(account.sim.url, p.key, 2, stopAt, 10)
      }),
    )
    clearTimeout(stop)
    const hits = account.hits.filter((h) => h.domain === 'alert' && h.at <= stopAt)
    const completedBy = (key: string): number =>
      hits.filter((h) => h.key === key && h.status !== 429).length
    const total = keys.reduce((sum, key) => sum + completedBy(key), 0)
    const clients = keys.map((key) => {
      const mine = hits.filter((h) => h.key === key)
      return {
        key,
        requests: mine.length,
        completed: completedBy(key),
        throttled: mine.filter((h) => h.status === 429).length,
        shareOfCompletedPercent: round((100 * completedBy(key)) / Math.max(1, total)),
        sentWithinPeriodAfter429: earlyRetries(hits, key, SLACK_MS),
      }
    })
    return {
      name: scenario.name,
      what: scenario.what,
      seconds: SECONDS,
      throttled: clients.reduce((sum, c) => sum + c.throttled, 0),
      completedPerSecond: round(total / SECONDS),
      ofAccountLimitPercent: round((100 * total) / SECONDS / ACCOUNT.alert.perSecond),
      clients,
    }
  } finally {
    await account.close()
  }
}

function round(n: number): number {
  return Math.round(n * 10) / 10
}

export async function main(): Promise<void> {
  const loadAtStart = loadavg().map(round)
  const scenarios: ScenarioResult[] = []
  for (const scenario of SCENARIOS) scenarios.push(await runScenario(scenario))
  console.table(
    scenarios.map((s) => ({
      scenario: s.name,
      '429s': s.throttled,
      'completed/s': s.completedPerSecond,
      '% of account limit': s.ofAccountLimitPercent,
      'share of completed': s.clients
        .map((c) => `${c.key} ${c.shareOfCompletedPercent}%`)
        .join(', '),
      'sent within period after a 429': s.clients
        .map((c) => `${c.key} ${c.sentWithinPeriodAfter429}`)
        .join(', '),
    })),
  )
  const cpu = cpus()
  const result = {
    date: new Date().toISOString(),
    machine: {
      cpuModel: cpu[0]?.model.trim() ?? 'unknown',
      cpuCount: cpu.length,
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      node: process.version,
      os: `${platform()} ${release()}`,
      loadAverageAtStart: loadAtStart,
      loadAverageAtEnd: loadavg().map(round),
    },
    workload: {
      account: ACCOUNT,
      secondsPerScenario: SECONDS,
      lanesPerDesktop: LANES,
      safetyMargin: DEFAULT_SAFETY_MARGIN,
      greedy: '2 lanes, 10 ms pause between requests, 429s ignored',
    },
    notes:
      'Real time over loopback against the simulator (continuous-refill buckets, like Opsgenie). ' +
      'Completed = answered without a 429 (the reads are of made-up ids, so 404s). ' +
      `"Sent within period after a 429" counts a client's requests the simulator saw more than ${SLACK_MS} ms ` +
      'after answering that client a 429 and before the advertised period ended; requests already in ' +
      'flight when the 429 arrived can land inside the slack.',
    scenarios,
  }
  mkdirSync(join(here, 'results'), { recursive: true })
  writeFileSync(
    join(here, 'results', 'governor-shared.json'),
    `${JSON.stringify(result, null, 2)}\n`,
  )
}
