// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import { useState, type ReactElement } from 'react'
import { afterEach, describe, expect, it } from 'vitest'
import { VirtualList } from '../../../src/renderer/src/components/VirtualList'

afterEach(cleanup)

function List(props: { count: number }): ReactElement {
  const [active, setActive] = useState(-1)
  return (
    <VirtualList
      label="Items"
      itemCount={props.count}
      rowHeight={40}
      fallbackHeight={400}
      overscan={2}
      getKey={(i) => `k${i}`}
      activeIndex={active}
      onActiveChange={setActive}
      renderRow={({ index, id, active: isActive, style }) => (
        <div key={index} id={id} role="option" aria-selected={isActive} style={style}>
          Row {index}
        </div>
      )}
    />
  )
}

describe('VirtualList', () => {
  it('keeps only a window of 10,000 rows in the DOM and moves it on scroll', () => {
    render(<List count={10_000} />)
    const list = screen.getByRole('listbox', { name: 'Items' })
    expect(screen.getAllByRole('option').length).toBeLessThanOrEqual(14)
    expect(screen.getByText('Row 0')).toBeTruthy()
    list.scrollTop = 40 * 5000
    fireEvent.scroll(list)
    expect(screen.queryByText('Row 0')).toBeNull()
    expect(screen.getByText('Row 5000')).toBeTruthy()
    expect(screen.getAllByRole('option').length).toBeLessThanOrEqual(16)
  })

  it('moves the active row with the keyboard and announces it through aria-activedescendant', () => {
    render(<List count={100} />)
    const list = screen.getByRole('listbox')
    expect(list.getAttribute('aria-activedescendant')).toBeNull()
    fireEvent.keyDown(list, { key: 'ArrowDown' })
    fireEvent.keyDown(list, { key: 'ArrowDown' })
    const active = screen.getByRole('option', { selected: true })
    expect(active.textContent).toBe('Row 1')
    expect(list.getAttribute('aria-activedescendant')).toBe(active.id)
    fireEvent.keyDown(list, { key: 'End' })
    expect(screen.getByRole('option', { selected: true }).textContent).toBe('Row 99')
    expect(list.scrollTop).toBe(100 * 40 - 400)
    fireEvent.keyDown(list, { key: 'Home' })
    expect(screen.getByRole('option', { selected: true }).textContent).toBe('Row 0')
  })
})
