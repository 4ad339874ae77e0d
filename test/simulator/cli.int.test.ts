import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = resolve(import.meta.dirname, '../..')
/**
 * One node process (`node --import tsx`), not the `tsx` wrapper: the wrapper relays signals to a
 * child and, under load, can exit 143 itself before it learns the child handles SIGTERM.
 */
const run = (args: string[]): ChildProcess =>
  spawn(process.execPath, ['--import', 'tsx', 'src/simulator/cli.ts', ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  })

function collect(stream: NodeJS.ReadableStream | null): () => string {
  let text = ''
  stream?.on('data', (chunk: Buffer) => {
    text += chunk.toString('utf8')
  })
  return () => text
}

describe('simulator CLI', () => {
  it('prints its URL, serves the demo seed and exits cleanly on SIGTERM', async () => {
    const child = run([
      '--port',
      '0',
      '--api-key',
      'cli-key',
      '--seed',
      'demo',
      '--processing-delay-ms',
      '5',
    ])
    const stdout = collect(child.stdout)
    const stderr = collect(child.stderr)
    try {
      const url = await new Promise<string>((resolveUrl, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no URL printed; stderr: ${stderr()}`)),
          20_000,
        )
        child.stdout?.on('data', () => {
          const match = /Opsgenie simulator listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout())
          if (match?.[1]) {
            clearTimeout(timer)
            resolveUrl(match[1])
          }
        })
      })
      const res = await fetch(`${url}/v2/alerts/count`, {
        headers: { Authorization: 'GenieKey cli-key' },
      })
      expect(((await res.json()) as { data: { count: number } }).data.count).toBe(24)
      const exited = once(child, 'exit')
      child.kill('SIGTERM')
      const [code] = (await exited) as [number | null]
      expect(code).toBe(0)
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL')
    }
  })

  it.each([
    [['--port', '4010'], '--api-key is required'],
    [['--api-key', 'k', '--seed', 'lots'], '--seed must be demo or empty'],
    [['--api-key', 'k', '--port', 'abc'], '--port must be a non-negative integer'],
    [
      ['--api-key', 'k', '--webhook-url', 'http://x', '--webhook-header', 'nocolon'],
      '--webhook-header must look like "Name: value"',
    ],
    [['--api-key', 'k', '--bogus'], "Unknown option '--bogus'"],
  ])('refuses %j with a clear error', async (args, message) => {
    const child = run(args)
    const stderr = collect(child.stderr)
    const [code] = (await once(child, 'exit')) as [number | null]
    expect(code).toBe(2)
    expect(stderr()).toContain(message)
  })
})
