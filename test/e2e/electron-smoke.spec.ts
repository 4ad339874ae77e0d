import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { _electron as electron, expect, test } from '@playwright/test'

const require = createRequire(import.meta.url)

/** Where the Electron binary would be; absent when installed with ELECTRON_SKIP_BINARY_DOWNLOAD. */
function electronBinary(): string | undefined {
  const pkg = dirname(require.resolve('electron/package.json'))
  const pathFile = join(pkg, 'path.txt')
  if (!existsSync(pathFile)) return undefined
  const binary = join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary) ? binary : undefined
}

const binary = electronBinary()

test.describe('desktop shell', () => {
  // prettier-ignore
  test.skip(binary === undefined, 'reason: the Electron binary is not installed (ELECTRON_SKIP_BINARY_DOWNLOAD); `npm ci` on a normal network installs it')

  test('opens a sandboxed window that renders the app', async () => {
    const app = await electron.launch({ executablePath: binary, args: ['.'] })
    try {
      const window = await app.firstWindow()
      await expect(window.getByRole('heading', { name: 'Ondeck' })).toBeVisible()
      const sandboxed = await window.evaluate(
        () => typeof (globalThis as { require?: unknown }).require,
      )
      expect(sandboxed).toBe('undefined')
    } finally {
      await app.close()
    }
  })
})
