import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

/**
 * The folder boundaries of docs/architecture.md are enforced by lint; this checks the rules
 * themselves, so loosening eslint.config.js by accident fails a test.
 */
const eslint = new ESLint({ cwd: process.cwd() })

async function importErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports')
    .map((m) => m.message)
}

describe('folder boundaries', () => {
  it.each([
    ['src/shared/x.ts', "import { app } from 'electron'\nexport const a = app\n"],
    ['src/shared/x.ts', "import { readFileSync } from 'node:fs'\nexport const a = readFileSync\n"],
    ['src/renderer/src/x.ts', "import { shell } from 'electron'\nexport const a = shell\n"],
    ['src/renderer/src/x.ts', "import { join } from 'node:path'\nexport const a = join\n"],
    ['src/main/gateway/x.ts', "import { app } from 'electron'\nexport const a = app\n"],
    ['src/relay/x.ts', "import { app } from 'electron'\nexport const a = app\n"],
    ['src/main/x.ts', "import { ipcMain } from 'electron'\nexport const a = ipcMain\n"],
    [
      'src/renderer/src/x.ts',
      "import { ipcRenderer } from 'electron'\nexport const a = ipcRenderer\n",
    ],
  ])('%s may not: %s', async (filePath, code) => {
    expect(await importErrors(filePath, code)).not.toEqual([])
  })

  it.each([
    ['src/main/gateway/x.ts', "import { join } from 'node:path'\nexport const a = join\n"],
    ['src/main/shell/x.ts', "import { app } from 'electron'\nexport const a = app\n"],
    ['src/main/shell/ipc/x.ts', "import { ipcMain } from 'electron'\nexport const a = ipcMain\n"],
    [
      'src/preload/x.ts',
      "import { contextBridge } from 'electron'\nexport const a = contextBridge\n",
    ],
    ['src/shared/x.ts', "import { z } from 'zod'\nexport const a = z\n"],
  ])('%s may: %s', async (filePath, code) => {
    expect(await importErrors(filePath, code)).toEqual([])
  })
})
