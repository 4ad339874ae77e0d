import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const REDIS_SERVER = '/usr/bin/redis-server'

export interface TestRedis {
  readonly port: number
  readonly url: string
  readonly dir: string
  /** e.g. `7.0.15`, from its start-up log. */
  readonly version: string
  /** SIGKILL: what a crash or an OOM kill looks like to the relay. */
  kill(): Promise<void>
  /** Starts it again on the same port and folder (the AOF brings the data back). */
  start(): Promise<void>
  stop(): Promise<void>
}

export interface TestRedisOptions {
  /** `always` unless a test wants a Redis the relay should refuse. */
  readonly appendfsync?: 'always' | 'everysec' | 'no'
  readonly extraArgs?: readonly string[]
}

/**
 * Debian's real redis-server on a free loopback port, data in a temporary folder, AOF on with
 * fsync on every write, no RDB snapshots. `stop()` kills it and removes the folder.
 */
export async function startTestRedis(options: TestRedisOptions = {}): Promise<TestRedis> {
  const dir = mkdtempSync(join(tmpdir(), 'ondeck-redis-'))
  const port = await freePort()
  const args = [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--dir',
    dir,
    '--appendonly',
    'yes',
    '--appendfsync',
    options.appendfsync ?? 'always',
    '--save',
    '',
    '--daemonize',
    'no',
    '--logfile',
    '',
    ...(options.extraArgs ?? []),
  ]
  let child: ChildProcess | undefined
  let version = 'unknown'
  const start = async (): Promise<void> => {
    const proc = spawn(REDIS_SERVER, args, { stdio: ['ignore', 'pipe', 'pipe'] })
    child = proc
    await new Promise<void>((resolve, reject) => {
      let output = ''
      const timer = setTimeout(() => {
        proc.kill('SIGKILL')
        reject(new Error(`redis-server did not start within 10 s:\n${output}`))
      }, 10_000)
      proc.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString()
        version = /version=([\d.]+)/.exec(output)?.[1] ?? version
        if (output.includes('Ready to accept connections')) {
          clearTimeout(timer)
          resolve()
        }
      })
      proc.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
      proc.on('exit', (code) => {
        clearTimeout(timer)
        reject(new Error(`redis-server exited with ${code}:\n${output}`))
      })
    })
  }
  const kill = async (): Promise<void> => {
    const proc = child
    child = undefined
    if (proc === undefined || proc.exitCode !== null || proc.signalCode !== null) return
    const exited = new Promise((resolve) => proc.once('exit', resolve))
    proc.kill('SIGKILL')
    await exited
  }
  await start()
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    dir,
    version,
    kill,
    start,
    async stop() {
      await kill()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address !== null ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}
