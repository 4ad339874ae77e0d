import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { inflateSync } from 'node:zlib'
import { describe, expect, it, vi } from 'vitest'
import { electronMock } from '../../support/electron-mock'

vi.mock('electron', () => electronMock)

const { APP_ID } = await import('../../../src/main/shell/start-desktop')
const { TRAY_STATES, trayIconFile } = await import('../../../src/main/shell/tray-status')

const root = join(import.meta.dirname, '../../..')
const config = JSON.parse(readFileSync(join(root, 'electron-builder.json'), 'utf8')) as {
  appId: string
  productName: string
  files: string[]
  extraResources: { from: string; to: string }[]
  electronFuses: Record<string, boolean>
  linux: { target: string[]; icon: string }
  win: {
    target: string[]
    verifyUpdateCodeSignature?: boolean
    signtoolOptions?: { publisherName?: string | string[] }
  }
  mac: { target: string[]; extendInfo: Record<string, string>; hardenedRuntime?: boolean }
  publish: { provider: string; url: string }
}

/** Width, height and RGBA pixels of a PNG written by resources/draw-icons.ts (8-bit RGBA, filter 0). */
function readPng(path: string): { width: number; height: number; pixels: Buffer } {
  const data = readFileSync(path)
  expect(data.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  const width = data.readUInt32BE(16)
  const height = data.readUInt32BE(20)
  const idat: Buffer[] = []
  for (let at = 8; at < data.length;) {
    const length = data.readUInt32BE(at)
    if (data.toString('ascii', at + 4, at + 8) === 'IDAT')
      idat.push(data.subarray(at + 8, at + 8 + length))
    at += length + 12
  }
  const rows = inflateSync(Buffer.concat(idat))
  const pixels = Buffer.concat(
    Array.from({ length: height }, (_, y) =>
      rows.subarray(y * (width * 4 + 1) + 1, (y + 1) * (width * 4 + 1)),
    ),
  )
  return { width, height, pixels }
}

describe('electron-builder config', () => {
  it('names the app as the code does (Windows routes notifications by appId)', () => {
    expect(config.appId).toBe(APP_ID)
    expect(config.productName).toBe('Ondeck')
  })

  it('builds Linux AppImage and deb, a macOS dmg and a Windows installer', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb'])
    expect(config.mac.target).toEqual(['dmg'])
    expect(config.win.target).toEqual(['nsis'])
  })

  it('packages the built app from out/, including the entry point package.json names', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main: string }
    expect(config.files).toContain('out/**/*')
    expect(pkg.main.replace(/^\.\//, '')).toMatch(/^out\//)
  })

  it('flips the fuses that close Node-level backdoors into the app', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    })
  })

  it('names the Windows publisher, so electron-updater verifies each update against it', () => {
    // electron-updater 6 skips the Authenticode check when app-update.yml has no publisherName
    expect(config.win.signtoolOptions?.publisherName).toBe('Ondeck')
    expect(config.win.verifyUpdateCodeSignature).toBe(true)
  })

  it('turns no signature check off anywhere, and publishes over https', () => {
    const text = readFileSync(join(root, 'electron-builder.json'), 'utf8')
    expect(text).not.toMatch(/"verifyUpdateCodeSignature"\s*:\s*false/)
    expect(text).not.toMatch(/"(sign|signtoolOptions|identity)"\s*:\s*null/)
    expect(config.mac.hardenedRuntime).toBe(true)
    expect(config.publish.url).toMatch(/^https:\/\//)
  })

  it('lets macOS show notification buttons', () => {
    expect(config.mac.extendInfo['NSUserNotificationAlertStyle']).toBe('alert')
  })

  it('ships the tray icons outside the archive, where the tray code looks for them', () => {
    expect(config.extraResources).toContainEqual({ from: 'resources/tray', to: 'tray' })
    expect(existsSync(join(root, config.linux.icon))).toBe(true)
  })
})

describe('icons', () => {
  it('has a 16px and a 32px (@2x) PNG for every tray state, each state drawn differently', () => {
    const drawn = new Set<string>()
    for (const state of TRAY_STATES) {
      const file = join(root, 'resources/tray', trayIconFile(state))
      const small = readPng(file)
      const large = readPng(file.replace(/\.png$/, '@2x.png'))
      expect([small.width, small.height, large.width, large.height]).toEqual([16, 16, 32, 32])
      drawn.add(small.pixels.toString('base64'))
    }
    expect(drawn.size).toBe(TRAY_STATES.length)
  })

  it('has a 512px application icon', () => {
    expect(readPng(join(root, 'resources/icon.png')).width).toBe(512)
  })
})
