/**
 * Focuses an element by id, retrying for a few frames: the target (the search box after
 * switching views, the detail title after selecting) may only render after this tick.
 */
export function focusSoon(id: string, frames = 10): void {
  const element = document.getElementById(id)
  if (element !== null) element.focus()
  else if (frames > 0) requestAnimationFrame(() => focusSoon(id, frames - 1))
}
