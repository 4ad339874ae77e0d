import type { DiagnosticsReport } from '../../../shared/ipc/diagnostics'
import type { IpcHandlers } from '../ipc/router'
import { archiveName, buildDiagnosticsArchive } from './archive'
import type { Logger } from './logger'
import type { RendererLog } from './renderer-log'

export interface DiagnosticsHandlerDeps {
  readonly logger: Logger
  readonly rendererLog: RendererLog
  readonly versions: () => Record<string, string>
  readonly logFiles: () => readonly string[]
  /** Every secret main holds (stores and connections), gathered at export time. */
  readonly secrets: () => Promise<Iterable<string>>
  /**
   * Puts the archive where the responder can find it: a save dialog on the desktop, the data
   * folder in browser mode. Answers whether it was saved (a cancelled dialog is not) and where.
   */
  readonly save: (
    archive: Buffer,
    suggestedName: string,
  ) => Promise<{ saved: boolean; path?: string }>
}

export type DiagnosticsHandlers = Required<Pick<IpcHandlers, 'log:write' | 'diagnostics:export'>>

/** `log:write` and `diagnostics:export`, the same for both hosts; only `save` differs. */
export function createDiagnosticsHandlers(deps: DiagnosticsHandlerDeps): DiagnosticsHandlers {
  return {
    'log:write': async (line) => {
      deps.rendererLog.write(line)
      return {}
    },
    'diagnostics:export': async ({ report }: { report: DiagnosticsReport }) => {
      const archive = buildDiagnosticsArchive({
        report,
        versions: deps.versions(),
        logFiles: deps.logFiles(),
        secrets: await deps.secrets(),
      })
      const result = await deps.save(archive, archiveName())
      deps.logger.info('diagnostics exported', { saved: result.saved, bytes: archive.length })
      return result
    },
  }
}
