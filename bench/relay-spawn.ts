import { spawn, type ChildProcess } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const CLI = join(dirname(fileURLToPath(import.meta.url)), '../src/relay/cli.ts')

export interface RelayChild {
  readonly child: ChildProcess
  readonly url: string
  stop(): Promise<void>
}

/** `relay serve` in its own node process; resolves with the URL it prints. */
export function spawnRelay(args: readonly string[]): Promise<RelayChild> {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, 'serve', ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const exited = new Promise<void>((done) => child.on('exit', () => done()))
  let out = ''
  return new Promise((done, fail) => {
    child.on('exit', (code) => fail(new Error(`relay exited with ${code}: ${out}`)))
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const url = /listening on (http:\/\/\S+)/.exec(out)?.[1]
      if (url !== undefined) {
        done({
          child,
          url,
          stop: async () => {
            child.kill('SIGTERM')
            await exited
          },
        })
      }
    })
  })
}
