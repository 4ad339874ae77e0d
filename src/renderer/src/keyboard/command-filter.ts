/** One thing the palette can do; the lead passes every alert action, view and setting. */
export interface PaletteCommand {
  readonly id: string
  readonly label: string
  readonly group?: string
  /** Shown beside the label, e.g. "a" or "mod+k". */
  readonly shortcut?: string
  readonly keywords?: readonly string[]
  readonly disabled?: boolean
  readonly run: () => void
}

const haystack = (command: PaletteCommand): string =>
  [command.group ?? '', command.label, ...(command.keywords ?? [])].join(' ').toLowerCase()

/**
 * Every word of the query must appear somewhere (group, label or keywords), in any order, so
 * "ack p1" finds "Alert: Acknowledge P1 disk full". Labels starting with the query come first;
 * otherwise the caller's order is kept.
 */
export function filterCommands(
  commands: readonly PaletteCommand[],
  query: string,
): PaletteCommand[] {
  const words = query
    .toLowerCase()
    .split(/\s+/)
    .filter((word) => word !== '')
  if (words.length === 0) return [...commands]
  const hits = commands.filter((command) => {
    const text = haystack(command)
    return words.every((word) => text.includes(word))
  })
  const q = query.trim().toLowerCase()
  const leading = hits.filter((command) => command.label.toLowerCase().startsWith(q))
  return [...leading, ...hits.filter((command) => !leading.includes(command))]
}
