import {
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
  type CSSProperties,
  type KeyboardEvent,
  type ReactElement,
} from 'react'
import { scrollToReveal, virtualWindow } from './virtual-window'

export interface VirtualRowProps {
  readonly index: number
  /** The DOM id the list points `aria-activedescendant` at: put it on the row's option element. */
  readonly id: string
  readonly active: boolean
  readonly style: CSSProperties
  /**
   * The row's React key: its position modulo the window's size, not its item. A fling replaces
   * every visible item each frame; keyed by slot, React rewrites the existing row elements' text
   * and attributes instead of removing and creating ~35 subtrees per frame.
   */
  readonly slot: string
}

export interface VirtualListProps {
  readonly itemCount: number
  readonly rowHeight: number
  /** A stable key per row (the alert id), so DOM ids survive re-sorting. */
  getKey(index: number): string
  renderRow(row: VirtualRowProps): ReactElement
  readonly activeIndex: number
  onActiveChange(index: number): void
  onOpen?(index: number): void
  readonly label: string
  /** Used until the container is measured (and in jsdom, which has no layout). */
  readonly fallbackHeight?: number
  readonly overscan?: number
  readonly className?: string
}

/**
 * A fixed-row-height virtualized listbox: only the rows on screen (plus a few) are in the DOM, so
 * 100,000 alerts scroll as smoothly as 100. Focus stays on the listbox and the active row is
 * announced through `aria-activedescendant`; arrows, Page Up/Down, Home/End and Enter work.
 */
export function VirtualList(props: VirtualListProps): ReactElement {
  const { itemCount, rowHeight, activeIndex } = props
  const ref = useRef<HTMLDivElement>(null)
  const base = useId()
  const [scrollTop, setScrollTop] = useState(0)
  const [measured, setMeasured] = useState(0)
  const height = measured > 0 ? measured : (props.fallbackHeight ?? 600)

  useLayoutEffect(() => {
    const element = ref.current
    if (element === null) return
    setMeasured(element.clientHeight)
    if (typeof ResizeObserver === 'undefined') return
    const observer = new ResizeObserver(() => setMeasured(element.clientHeight))
    observer.observe(element)
    return () => observer.disconnect()
  }, [])

  useEffect(() => {
    const element = ref.current
    if (element === null || activeIndex < 0) return
    const next = scrollToReveal(activeIndex, rowHeight, element.scrollTop, height)
    if (next !== element.scrollTop) {
      element.scrollTop = next
      setScrollTop(next)
    }
  }, [activeIndex, rowHeight, height])

  const overscan = props.overscan ?? 8
  const win = virtualWindow(itemCount, rowHeight, scrollTop, height, overscan)
  // The most rows a window of this height holds (see `virtualWindow`): slots never collide.
  const slots = Math.ceil(height / rowHeight) + 1 + 2 * overscan
  const page = Math.max(1, Math.floor(height / rowHeight) - 1)
  const move = (index: number): void =>
    props.onActiveChange(Math.max(0, Math.min(itemCount - 1, index)))

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(activeIndex + 1),
      ArrowUp: () => move(activeIndex - 1),
      PageDown: () => move(activeIndex + page),
      PageUp: () => move(activeIndex - page),
      Home: () => move(0),
      End: () => move(itemCount - 1),
      Enter: () => activeIndex >= 0 && props.onOpen?.(activeIndex),
    }
    const handler = keys[event.key]
    if (handler === undefined || itemCount === 0) return
    event.preventDefault()
    handler()
  }

  const optionId = (index: number): string => `${base}-${props.getKey(index)}`
  const rows: ReactElement[] = []
  for (let index = win.start; index < win.end; index += 1) {
    rows.push(
      props.renderRow({
        index,
        id: optionId(index),
        active: index === activeIndex,
        slot: `slot-${index % slots}`,
        style: {
          position: 'absolute',
          top: index * rowHeight,
          height: rowHeight,
          left: 0,
          right: 0,
          // Each row is its own layout boundary (its size never depends on its text): a row whose
          // text changed is laid out alone, not the document with it. Not paint containment: a
          // stacking context per row made flings slower (profile-scroll.ts, +1760 px/frame).
          contain: 'size layout style',
        },
      }),
    )
  }

  return (
    <div
      ref={ref}
      role="listbox"
      tabIndex={0}
      aria-label={props.label}
      aria-activedescendant={
        activeIndex >= 0 && activeIndex < itemCount ? optionId(activeIndex) : undefined
      }
      className={`virtual-list ${props.className ?? ''}`}
      onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
      onKeyDown={onKeyDown}
    >
      <div
        className="virtual-list__spacer"
        style={{ height: win.totalHeight, position: 'relative' }}
      >
        {rows}
      </div>
    </div>
  )
}
