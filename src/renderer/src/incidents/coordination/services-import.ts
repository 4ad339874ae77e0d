import type { Service } from '../../../../shared/domain'
import type { CoordinationContext } from './context'
import type { ImportedService, ServicesImportProgress } from './records'

export interface ImportOptions {
  /** Aborting stops after the page in flight; the cursor stays, so the next run resumes. */
  signal?: AbortSignal
  onProgress?(progress: ServicesImportProgress): void
  /** Wait before asking again after a failed page (the gateway already waits out 429s). */
  retryDelayMs?: number
  maxAttempts?: number
}

export async function importProgress(
  ctx: CoordinationContext,
): Promise<ServicesImportProgress | undefined> {
  return ctx.db.servicesImport.get(ctx.workspaceId)
}

const row = (ctx: CoordinationContext, s: Service, at: number): ImportedService => ({
  key: `${ctx.workspaceId}|${s.id}`,
  workspaceId: ctx.workspaceId,
  id: s.id,
  name: s.name,
  ...(s.description !== undefined ? { description: s.description } : {}),
  ...(s.teamId !== undefined ? { teamId: s.teamId } : {}),
  tags: s.tags,
  importedAt: at,
})

/**
 * Imports every page of `directory:services` (main runs it at `import` priority within the
 * configuration budget). Each page's rows and the next cursor are written in one transaction,
 * so an interrupted import resumes where it stopped; rows are keyed by service id, so a rerun
 * replaces rather than duplicates. A finished import started again begins from the first page.
 */
export async function importServices(
  ctx: CoordinationContext,
  options: ImportOptions = {},
): Promise<ServicesImportProgress> {
  const previous = await importProgress(ctx)
  const resume = previous !== undefined && previous.state !== 'done'
  const started = ctx.now()
  let progress: ServicesImportProgress = resume
    ? { ...previous, state: 'running', updatedAt: started }
    : {
        workspaceId: ctx.workspaceId,
        state: 'running',
        done: 0,
        totalKnown: 0,
        startedAt: started,
        updatedAt: started,
      }
  await ctx.db.servicesImport.put(progress)
  options.onProgress?.(progress)
  let attempts = 0
  for (;;) {
    if (options.signal?.aborted === true) {
      progress = { ...progress, state: 'interrupted', updatedAt: ctx.now() }
      await ctx.db.servicesImport.put(progress)
      return progress
    }
    const cursor = progress.cursor
    const answer = await ctx.port.directory.services({
      workspaceId: ctx.workspaceId,
      ...(cursor !== undefined ? { cursor } : {}),
    })
    if (!answer.ok) {
      attempts += 1
      if (attempts >= (options.maxAttempts ?? 5)) {
        progress = {
          ...progress,
          state: 'interrupted',
          error: answer.error.message,
          updatedAt: ctx.now(),
        }
        await ctx.db.servicesImport.put(progress)
        return progress
      }
      await new Promise((r) => setTimeout(r, (options.retryDelayMs ?? 1_000) * attempts))
      continue
    }
    attempts = 0
    const page = answer.value
    const at = ctx.now()
    const done = progress.done + page.items.length
    const { cursor: _c, error: _e, ...rest } = progress
    progress = {
      ...rest,
      ...(page.next !== undefined ? { cursor: page.next } : {}),
      state: page.next === undefined ? 'done' : 'running',
      done,
      totalKnown: page.next === undefined ? done : done + page.items.length,
      updatedAt: at,
    }
    const next = progress
    await ctx.db.transaction('rw', ctx.db.services, ctx.db.servicesImport, async () => {
      await ctx.db.services.bulkPut(page.items.map((s) => row(ctx, s, at)))
      await ctx.db.servicesImport.put(next)
    })
    options.onProgress?.(progress)
    if (page.next === undefined) return progress
  }
}

export async function importedServices(ctx: CoordinationContext): Promise<ImportedService[]> {
  return ctx.db.services.where('workspaceId').equals(ctx.workspaceId).sortBy('name')
}
