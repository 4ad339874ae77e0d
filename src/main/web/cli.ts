import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { startBrowserMode } from './browser-mode'

const USAGE = 'usage: npm run web -- [--port <n>] [--no-open] [--demo]'
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..')

function parse(): { port?: number; open: boolean; demo: boolean } {
  try {
    const { values } = parseArgs({
      options: {
        port: { type: 'string' },
        'no-open': { type: 'boolean', default: false },
        demo: { type: 'boolean', default: false },
      },
    })
    const port = values.port === undefined ? undefined : Number(values.port)
    if (port !== undefined && (!Number.isInteger(port) || port < 1 || port > 65535)) {
      throw new Error(`--port must be a port number (1-65535), got ${values.port}`)
    }
    return { ...(port !== undefined ? { port } : {}), open: !values['no-open'], demo: values.demo }
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`)
    process.exit(2)
  }
}

/** Opens the default browser; a missing opener is not an error, the URL is printed anyway. */
function openBrowser(url: string): void {
  const command =
    process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open'
  const child = spawn(command, [url], { detached: true, stdio: 'ignore' })
  child.on('error', () => undefined)
  child.unref()
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
    ...(args.port ? { port: args.port } : {}),
  })
  console.log(`Ondeck (browser mode) is running at ${mode.openUrl}`)
  console.log('Open that URL; it carries this launch’s token. Ctrl+C stops Ondeck.')
  if (args.open) openBrowser(mode.openUrl)
  const stop = (): void => {
    void mode.close().then(() => process.exit(0))
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

void main()
