import { spawn, type ChildProcess } from 'node:child_process'
import { readdir, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { chromium, type Browser, type BrowserContext } from '@playwright/test'
import config from '../../../playwright.config'

const EXECUTABLE = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium'
const CONFIG_ARGS = config.use?.launchOptions?.args ?? []

/** A real Chromium browser process on a persistent profile, with its pid, so a test can kill it. */
export interface ChromiumProcess {
  readonly pid: number
  readonly browser: Browser
  /** The profile's default context: its IndexedDB is on disk in the profile directory. */
  readonly context: BrowserContext
  /** SIGKILLs the browser process and resolves once it and its children are gone. */
  kill(): Promise<void>
  /** A clean shutdown (end of the test). */
  close(): Promise<void>
}

async function poll<T>(
  what: string,
  read: () => Promise<T | undefined>,
  timeoutMs: number,
): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await read()
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

/** Whether any process of the group still runs (zombies waiting to be reaped do not count). */
async function groupAlive(pgid: number): Promise<boolean> {
  const pids = (await readdir('/proc')).filter((name) => /^\d+$/.test(name))
  for (const pid of pids) {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '')
    // "pid (comm) state ppid pgrp ...": comm may hold spaces, so split after its ")"
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    if (fields[2] === String(pgid) && fields[0] !== 'Z' && fields[0] !== 'X') return true
  }
  return false
}

/**
 * Launches Chromium itself (not through Playwright's launcher, whose persistent contexts hide
 * the browser pid) with the config's headless flags, on `profileDir`, with DevTools on a free
 * port read back from the profile's `DevToolsActivePort`, and connects Playwright over CDP.
 * The browser gets its own process group so the test can wait for every child to be gone.
 */
export async function launchChromium(profileDir: string): Promise<ChromiumProcess> {
  const portFile = join(profileDir, 'DevToolsActivePort')
  await rm(portFile, { force: true })
  const child: ChildProcess = spawn(
    EXECUTABLE,
    [
      '--headless=new',
      ...CONFIG_ARGS,
      '--remote-debugging-port=0',
      `--user-data-dir=${profileDir}`,
      '--no-default-browser-check',
      '--password-store=basic',
      'about:blank',
    ],
    { detached: true, stdio: ['ignore', 'ignore', 'pipe'] },
  )
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000)
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const pid = child.pid
  if (pid === undefined) throw new Error(`could not start ${EXECUTABLE}`)
  const port = await poll(
    'Chromium to write DevToolsActivePort',
    async () => {
      if (child.exitCode !== null) throw new Error(`Chromium exited early: ${stderr}`)
      const text = await readFile(portFile, 'utf8').catch(() => '')
      const first = text.split('\n')[0] ?? ''
      return /^\d+$/.test(first) && text.includes('\n') ? Number(first) : undefined
    },
    15_000,
  )
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`)
  const context = browser.contexts()[0]
  if (context === undefined) throw new Error('Chromium has no default context')

  /**
   * After the browser process is gone its children (renderer, GPU, zygote) are orphans that
   * would exit by themselves a second or so later; they are killed too, so the next launch on
   * the profile never overlaps a leftover of the crashed one.
   */
  const gone = async (): Promise<void> => {
    await exited
    try {
      if (await groupAlive(pid)) process.kill(-pid, 'SIGKILL')
    } catch {
      // the group emptied between the check and the kill
    }
    await poll(
      'the process group to be gone',
      async () => !(await groupAlive(pid)) || undefined,
      5_000,
    )
  }

  return {
    pid,
    browser,
    context,
    async kill() {
      process.kill(pid, 'SIGKILL')
      await gone()
    },
    async close() {
      await browser.close().catch(() => undefined)
      if (child.exitCode === null) process.kill(pid, 'SIGTERM')
      await gone()
    },
  }
}
