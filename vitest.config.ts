import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'

const alias = { '@shared': resolve(import.meta.dirname, 'src/shared') }

/**
 * unit: fast, in-process, no servers. integration: real HTTP servers, real SQLite, real keychain,
 * child processes; CI runs both (`npm test`).
 */
export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
          exclude: ['test/**/*.int.test.ts', 'test/e2e/**'],
          environment: 'node',
          setupFiles: ['test/setup-dom.ts'],
          // App-level jsdom tests open a whole workspace screen; on the 2-core CI machine running
          // two workers, 5 s (vitest's default) left too little headroom.
          testTimeout: 15_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          include: ['test/**/*.int.test.ts'],
          exclude: ['test/e2e/**'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          pool: 'forks',
        },
      },
    ],
  },
})
