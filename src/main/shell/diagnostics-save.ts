import { app, dialog, type BrowserWindow, type SaveDialogOptions } from 'electron'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'

function defaultFolder(): string | undefined {
  try {
    return app.getPath('downloads')
  } catch {
    return undefined
  }
}

/**
 * The desktop's `save` for `diagnostics:export`: the responder picks where the archive goes
 * (Downloads by default); a cancelled dialog saves nothing. Written 0600: it is the user's to send.
 */
export async function saveWithDialog(
  window: BrowserWindow | undefined,
  archive: Buffer,
  name: string,
): Promise<{ saved: boolean; path?: string }> {
  const folder = defaultFolder()
  const options: SaveDialogOptions = {
    title: 'Export diagnostics',
    defaultPath: folder === undefined ? name : join(folder, name),
    filters: [{ name: 'Diagnostics archive', extensions: ['gz'] }],
  }
  const answer =
    window === undefined
      ? await dialog.showSaveDialog(options)
      : await dialog.showSaveDialog(window, options)
  if (answer.canceled || answer.filePath === undefined || answer.filePath === '') {
    return { saved: false }
  }
  await writeFile(answer.filePath, archive, { mode: 0o600 })
  return { saved: true, path: answer.filePath }
}
