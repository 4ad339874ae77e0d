import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

const shared = { '@shared': resolve(__dirname, 'src/shared') }

/**
 * main: the Electron shell plus the Electron-free gateway.
 * preload: one self-contained bundle (no externalised deps) so the window can stay sandboxed:
 * a sandboxed preload cannot `require` anything but a few Electron modules.
 * renderer: the React app, also served by browser mode.
 */
export default defineConfig({
  main: {
    resolve: { alias: shared },
    build: {
      externalizeDeps: { exclude: [] },
      rollupOptions: { input: { index: resolve(__dirname, 'src/main/index.ts') } },
    },
  },
  preload: {
    resolve: { alias: shared },
    build: {
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', inlineDynamicImports: true },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    resolve: { alias: shared },
    plugins: [react()],
    build: {
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } },
    },
  },
})
