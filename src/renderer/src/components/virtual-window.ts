/** The slice of a fixed-row-height list that is on screen, plus `overscan` rows either side. */
export interface VirtualWindow {
  readonly start: number
  /** Exclusive. */
  readonly end: number
  readonly totalHeight: number
}

export function virtualWindow(
  itemCount: number,
  rowHeight: number,
  scrollTop: number,
  viewportHeight: number,
  overscan: number,
): VirtualWindow {
  const totalHeight = itemCount * rowHeight
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight)
  const visible = Math.ceil(viewportHeight / rowHeight) + 1
  const start = Math.max(0, Math.min(first, itemCount) - overscan)
  const end = Math.min(itemCount, first + visible + overscan)
  return { start, end, totalHeight }
}

/** The scrollTop that brings row `index` fully into view, or the current one if it already is. */
export function scrollToReveal(
  index: number,
  rowHeight: number,
  scrollTop: number,
  viewportHeight: number,
): number {
  const top = index * rowHeight
  if (top < scrollTop) return top
  if (top + rowHeight > scrollTop + viewportHeight) return top + rowHeight - viewportHeight
  return scrollTop
}
