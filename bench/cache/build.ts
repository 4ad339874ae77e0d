import { spawnSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'vite'

const here = dirname(fileURLToPath(import.meta.url))
export const repoRoot = resolve(here, '..', '..')

/** Builds the real app the way `npm run build` does; out/renderer is what browser mode serves. */
export function buildApp(): string {
  const result = spawnSync('npx', ['electron-vite', 'build'], {
    cwd: repoRoot,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  if (result.status !== 0)
    throw new Error(`npx electron-vite build failed:\n${result.stdout}\n${result.stderr}`)
  return join(repoRoot, 'out', 'renderer')
}

/** Bundles harness.html + harness.ts (the renderer's own modules) into a temp folder. */
/** `minify: false` keeps function names readable in a CPU profile (profile-ingest.ts). */
export async function buildHarness(minify = true): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'ondeck-cache-harness-'))
  await build({
    configFile: false,
    logLevel: 'warn',
    root: here,
    base: '/harness/',
    resolve: { alias: { '@shared': join(repoRoot, 'src', 'shared') } },
    build: {
      outDir,
      emptyOutDir: true,
      minify,
      rollupOptions: { input: join(here, 'harness.html') },
    },
  })
  return outDir
}
