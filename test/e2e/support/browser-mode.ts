import { randomUUID } from 'node:crypto'
import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  expect,
  type Browser,
  type BrowserContext,
  type Locator,
  type Page,
} from '@playwright/test'
import type { DemoWorkspace } from '../../../src/main/demo/demo-workspace'
import { createJsmClient, discoverCloudId } from '../../../src/main/gateway/provider/jsm/client'
import {
  createOpsgenieClient,
  type OpsgenieClient,
} from '../../../src/main/gateway/provider/opsgenie'
import { startBrowserMode, type BrowserMode } from '../../../src/main/web/browser-mode'

const RENDERER_ROOT = join(process.cwd(), 'out/renderer')

/** The providers the Demo workspace can speak; the journey runs once per provider (issue 16). */
export const DEMO_PROVIDERS = ['opsgenie', 'jsm'] as const
export type DemoProvider = (typeof DEMO_PROVIDERS)[number]
/** The e-mail of the JSM demo's one account (`src/main/demo/demo-workspace.ts`). */
const JSM_DEMO_EMAIL = 'demo@example.com'

/**
 * Browser mode in this test process: the real web server, gateway and Demo workspace (simulator
 * plus relay), with the demo's trickle off so only the test creates alerts. The renderer is the
 * built one (`npx electron-vite build`), served exactly as `npm run web` serves it.
 */
export async function startDemoMode(
  options: { provider?: DemoProvider } = {},
): Promise<BrowserMode> {
  if (!existsSync(join(RENDERER_ROOT, 'index.html')))
    throw new Error(`no built renderer in ${RENDERER_ROOT}: run \`npx electron-vite build\` first`)
  return startBrowserMode({
    rendererRoot: RENDERER_ROOT,
    demo: true,
    ...(options.provider !== undefined ? { demoProvider: options.provider } : {}),
    version: '0.0.0-e2e',
    keychainService: `ondeck-e2e-${randomUUID()}`,
    demoTrickleMs: 0,
    // Its log file and exported diagnostics, as `npm run web` keeps them in its data folder.
    dataDir: mkdtempSync(join(tmpdir(), 'ondeck-e2e-web-')),
  })
}

/** Records every Web Notification the page constructs; the app's own code path stays real. */
const RECORD_NOTIFICATIONS = (): void => {
  const Original = window.Notification
  const seen: { title: string; body?: string; tag?: string }[] = []
  Object.defineProperty(window, '__notifications', { value: seen })
  class Recording extends Original {
    constructor(title: string, options?: NotificationOptions) {
      seen.push({
        title,
        ...(options?.body !== undefined ? { body: options.body } : {}),
        ...(options?.tag !== undefined ? { tag: options.tag } : {}),
      })
      super(title, options)
    }
    static override get permission(): NotificationPermission {
      return Original.permission
    }
    static override requestPermission(): Promise<NotificationPermission> {
      return Original.requestPermission()
    }
  }
  window.Notification = Recording
}

export interface OpenApp {
  readonly context: BrowserContext
  readonly page: Page
}

/** A fresh context (empty IndexedDB, notifications granted) on the demo, with the list painted. */
export async function openDemo(
  browser: Browser,
  mode: BrowserMode,
  options: {
    colorScheme?: 'light' | 'dark'
    /** The window; 1280×800 unless a test looks at a small one (the 760×900). */
    viewport?: { width: number; height: number }
  } = {},
): Promise<OpenApp> {
  // Each context opens its own launch URL: a launch token buys one session, once.
  const launchUrl = mode.launchUrl()
  const origin = new URL(launchUrl).origin
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 800 },
    colorScheme: options.colorScheme ?? 'light',
    reducedMotion: 'reduce',
  })
  await context.grantPermissions(['notifications'], { origin })
  await context.addInitScript(RECORD_NOTIFICATIONS)
  const page = await context.newPage()
  await page.goto(launchUrl)
  await expect(page.getByTestId('status-health')).toHaveAttribute('data-health', 'live')
  await expect(alertRows(page).first()).toBeVisible()
  return { context, page }
}

/** The alert list's rows (the filter bar's <select> options are options too). */
export function alertRows(page: Page): Locator {
  return page.locator('[role="option"][data-alert-id]')
}

export function notificationsSeen(
  page: Page,
): Promise<{ title: string; body?: string; tag?: string }[]> {
  return page.evaluate(
    () =>
      (window as unknown as { __notifications: { title: string; body?: string; tag?: string }[] })
        .__notifications,
  )
}

/**
 * The running demo and an Opsgenie client on its simulator with its key (meaningful for an
 * Opsgenie demo; `elsewhereOf` works for either provider).
 */
export function demoOf(mode: BrowserMode): { demo: DemoWorkspace; client: OpsgenieClient } {
  const demo = mode.demoWorkspace()
  if (demo === undefined) throw new Error('the page has not opened the Demo workspace yet')
  return { demo, client: createOpsgenieClient({ host: demo.simulator.url, apiKey: demo.apiKey }) }
}

/** What a test does "elsewhere" (another responder, an integration), whichever the provider. */
export interface Elsewhere {
  create(input: { message: string; alias: string; priority: 'P1' | 'P2' | 'P3' }): Promise<void>
  close(alias: string): Promise<void>
}

/**
 * The running demo's provider reached through its own client and the demo's credentials: the
 * Opsgenie API with the key, or the JSM ops API with the demo's e-mail and token.
 */
export async function elsewhereOf(mode: BrowserMode): Promise<Elsewhere> {
  const { demo, client } = demoOf(mode)
  if (demo.provider === 'opsgenie')
    return {
      create: async (input) => void (await client.alerts.create(input)),
      close: async (alias) => void (await client.alerts.close({ alias })),
    }
  const url = demo.simulator.url
  const jsm = createJsmClient({
    apiUrl: url,
    siteUrl: url,
    cloudId: await discoverCloudId(url),
    email: JSM_DEMO_EMAIL,
    apiToken: demo.apiKey,
  })
  return {
    create: async (input) => void (await jsm.alerts.create(input)),
    // JSM acts on alerts by id only; the alias is its own lookup
    close: async (alias) => void (await jsm.alerts.close((await jsm.alerts.byAlias(alias)).id)),
  }
}

/** Creates an alert through the demo provider's HTTP API; the alias is unique per call. */
export async function createAlert(
  mode: BrowserMode,
  input: { message: string; priority: 'P1' | 'P2' | 'P3' },
): Promise<{ alias: string; message: string }> {
  const alias = `e2e-${randomUUID()}`
  const message = `${input.message} ${alias.slice(4, 12)}`
  await (await elsewhereOf(mode)).create({ message, alias, priority: input.priority })
  return { alias, message }
}

/** Closes an alert elsewhere, by alias, through the demo provider's HTTP API. */
export async function closeAlert(mode: BrowserMode, alias: string): Promise<void> {
  await (await elsewhereOf(mode)).close(alias)
}

/** The simulator's record of an alert, by alias. */
export function simAlert(
  mode: BrowserMode,
  alias: string,
): { status: string; acknowledged: boolean } | undefined {
  for (const alert of demoOf(mode).demo.simulator.state.alerts.values())
    if (alert.alias === alias) return { status: alert.status, acknowledged: alert.acknowledged }
  return undefined
}

/** The simulator's open, unacknowledged P1s: what should ring on a freshly opened workspace. */
export function simRingingAliases(mode: BrowserMode): string[] {
  const aliases: string[] = []
  for (const alert of demoOf(mode).demo.simulator.state.alerts.values())
    if (alert.status === 'open' && !alert.acknowledged && alert.priority === 'P1')
      aliases.push(alert.alias)
  return aliases
}

/**
 * The Demo's open P1s ring at launch; while anything rings, `a` acknowledges what rings. Tests
 * about the selection start from a quiet alarm.
 */
export async function acknowledgeWhatRings(page: Page): Promise<boolean> {
  const banner = page.getByRole('alert', { name: /ringing:/ })
  if (!(await banner.isVisible())) return false
  await page.keyboard.press('a')
  await expect(banner).toBeHidden()
  return true
}
