import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { defineConfig, type Plugin } from 'vite'

/** Packages the relay loads at run time instead of bundling: native code cannot be bundled. */
const RUNTIME_DEPENDENCIES = ['better-sqlite3'] as const

interface RootManifest {
  version: string
  dependencies: Record<string, string>
  engines?: Record<string, string>
}

/**
 * Writes the production `package.json` next to the bundle, so a deploy is `npm install --omit=dev`
 * in `out/relay` (it installs only the runtime dependencies, at the versions the tests ran with).
 */
function productionManifest(): Plugin {
  return {
    name: 'ondeck-relay-manifest',
    generateBundle() {
      const root = JSON.parse(
        readFileSync(resolve(import.meta.dirname, 'package.json'), 'utf8'),
      ) as RootManifest
      const dependencies = Object.fromEntries(
        RUNTIME_DEPENDENCIES.map((name) => {
          const range = root.dependencies[name]
          if (range === undefined) throw new Error(`${name} is not a dependency of the project`)
          return [name, range]
        }),
      )
      const manifest = {
        name: 'ondeck-relay',
        version: root.version,
        private: true,
        type: 'module',
        description: 'Ondeck webhook relay: Opsgenie webhooks in, SSE streams out',
        bin: { 'ondeck-relay': './relay.mjs' },
        engines: root.engines,
        dependencies,
      }
      this.emitFile({
        type: 'asset',
        fileName: 'package.json',
        source: `${JSON.stringify(manifest, null, 2)}\n`,
      })
    },
  }
}

/**
 * `npm run build:relay`: the relay as one ES module, `out/relay/relay.mjs`, run with plain `node`
 * (no tsx, no devDependencies); better-sqlite3 is its only external.
 */
export default defineConfig({
  publicDir: false,
  logLevel: 'warn',
  plugins: [productionManifest()],
  // Slack paging reuses the gateway's Opsgenie client and governor, which import `@shared/...`.
  resolve: { alias: { '@shared': resolve(import.meta.dirname, 'src/shared') } },
  ssr: { noExternal: true, external: [...RUNTIME_DEPENDENCIES] },
  build: {
    ssr: resolve(import.meta.dirname, 'src/relay/cli.ts'),
    outDir: resolve(import.meta.dirname, 'out/relay'),
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: true,
    rollupOptions: {
      external: [...RUNTIME_DEPENDENCIES],
      output: { format: 'es', entryFileNames: 'relay.mjs', banner: '#!/usr/bin/env node' },
    },
  },
})
