import { spawn, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'

const ROOT = join(import.meta.dirname, '../../..')
const CLI = join(ROOT, 'src/relay/cli.ts')

/**
 * Runs the relay CLI in ONE node process (`node --import tsx`), not via the `tsx` wrapper, which
 * forks a second process: SIGKILL must hit the process that owns the socket and the database.
 */
export function spawnRelayCli(args: readonly string[]): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', CLI, ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
}

export interface CliResult {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
}

export function runRelayCli(args: readonly string[]): Promise<CliResult> {
  const child = spawnRelayCli(args)
  let stdout = ''
  let stderr = ''
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  return new Promise((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

export interface RelayProcess {
  readonly child: ChildProcess
  readonly url: string
  /** Resolves when the process has exited. */
  readonly exited: Promise<void>
}

/** Starts `relay serve` and resolves with the URL it prints once it listens. */
export function startRelayProcess(
  args: readonly string[],
  timeoutMs = 15_000,
): Promise<RelayProcess> {
  const child = spawnRelayCli(['serve', ...args])
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()))
  let output = ''
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`relay printed no URL within ${timeoutMs} ms:\n${output}`))
    }, timeoutMs)
    const onData = (chunk: Buffer): void => {
      output += chunk.toString()
      const url = /listening on (http:\/\/\S+)/.exec(output)?.[1]
      if (url !== undefined) {
        clearTimeout(timer)
        child.stdout?.off('data', onData)
        child.stdout?.resume()
        resolve({ child, url, exited })
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`relay exited with ${code} before listening:\n${output}`))
    })
  })
}
