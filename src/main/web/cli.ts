import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { defaultWebDataDir } from '../gateway/diagnostics/host'
import { startBrowserMode } from './browser-mode'
import { writeLaunchFile, type LaunchFile } from './launch-file'

const USAGE = 'usage: npm run web -- [--port <n>] [--no-open] [--demo [--provider opsgenie|jsm]]'
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..')

function parse(): { port?: number; open: boolean; demo: boolean; provider?: 'opsgenie' | 'jsm' } {
  try {
    const { values } = parseArgs({
      options: {
        port: { type: 'string' },
        'no-open': { type: 'boolean', default: false },
        demo: { type: 'boolean', default: false },
        provider: { type: 'string' },
      },
    })
    const provider = values.provider
    if (provider !== undefined && provider !== 'opsgenie' && provider !== 'jsm')
      throw new Error(`--provider must be opsgenie or jsm, got ${provider}`)
    if (provider !== undefined && !values.demo)
      throw new Error('--provider chooses what the Demo workspace speaks: use it with --demo')
    const port = values.port === undefined ? undefined : Number(values.port)
    if (port !== undefined && (!Number.isInteger(port) || port < 1 || port > 65535)) {
      throw new Error(`--port must be a port number (1-65535), got ${values.port}`)
    }
    return {
      ...(port !== undefined ? { port } : {}),
      open: !values['no-open'],
      demo: values.demo,
      ...(provider !== undefined ? { provider } : {}),
    }
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`)
    process.exit(2)
  }
}

/**
 * Opens the default browser on a private file that redirects to the launch URL: the opener's
 * command line is visible to every user (`ps`), so it never carries the token. A missing opener is
 * not an error: the URL is printed anyway.
 */
async function openBrowser(url: string): Promise<LaunchFile> {
  const file = await writeLaunchFile(url)
  const command =
    process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open'
  const child = spawn(command, [file.path], { detached: true, stdio: 'ignore' })
  child.on('error', () => undefined)
  child.unref()
  return file
}

async function main(): Promise<void> {
  const args = parse()
  const rendererRoot = join(root, 'out/renderer')
  if (!existsSync(join(rendererRoot, 'index.html'))) {
    console.error(
      'the renderer is not built: run `npm run build` first (npm run web does it for you)',
    )
    process.exit(1)
  }
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    version: string
  }
  const mode = await startBrowserMode({
    rendererRoot,
    version,
    demo: args.demo,
    ...(args.provider !== undefined ? { demoProvider: args.provider } : {}),
    dataDir: defaultWebDataDir(),
    ...(args.port ? { port: args.port } : {}),
  })
  const launchUrl = mode.launchUrl()
  console.log(`Ondeck (browser mode) is running at ${launchUrl}`)
  console.log('That link opens Ondeck once (one tab; reloading it is fine). Ctrl+C stops Ondeck.')
  const launchFile = args.open ? await openBrowser(launchUrl) : undefined
  const stop = (): void => {
    void Promise.all([mode.close(), launchFile?.remove()]).then(() => process.exit(0))
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

void main()
