import { app } from 'electron'
import { join } from 'node:path'

/**
 * Files from the repository's `resources/` folder. Packaged builds copy them next to app.asar
 * (electron-builder `extraResources`), because the OS tray and notification centre read icons
 * by path, outside the archive.
 */
export function resourcePath(...parts: string[]): string {
  const base = app.isPackaged ? process.resourcesPath : join(app.getAppPath(), 'resources')
  return join(base, ...parts)
}
