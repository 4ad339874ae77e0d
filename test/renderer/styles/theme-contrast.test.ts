import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

/**
 * WCAG AA by arithmetic on theme.css, so a colour tweak that breaks contrast fails here rather
 * than in a responder's eyes at 3 a.m.: priority badges need 4.5:1 (small bold text) on every row
 * background, control borders 3:1 (non-text contrast) against what surrounds them.
 */
const css = readFileSync(new URL('../../../src/renderer/src/styles/theme.css', import.meta.url), {
  encoding: 'utf8',
})

function block(selector: string): Record<string, string> {
  const start = css.indexOf(`${selector} {`)
  if (start < 0) throw new Error(`no ${selector} block in theme.css`)
  const body = css.slice(start, css.indexOf('}', start))
  return Object.fromEntries(
    [...body.matchAll(/--([\w-]+):\s*(#[0-9a-f]{6})/gi)].map((m) => [m[1] ?? '', m[2] ?? '']),
  )
}

function luminance(hex: string): number {
  const channel = (i: number): number => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  }
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2)
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05)
}

const THEMES = {
  light: block(":root[data-theme='light']"),
  dark: block(":root[data-theme='dark']"),
}
/** Every background an alert row can have: normal, checked, selected, ringing, toned down. */
const ROW_BACKGROUNDS = ['bg', 'bg-raised', 'bg-selected', 'urgent-bg', 'bg-toned']

describe.each(Object.entries(THEMES))('%s theme', (_, vars) => {
  const get = (name: string): string => {
    const value = vars[name]
    if (value === undefined) throw new Error(`--${name} is not a hex colour in this theme`)
    return value
  }

  it.each(['p1', 'p2', 'p3', 'p4', 'p5'])('the %s badge reaches 4.5:1 on every row', (p) => {
    for (const bg of ROW_BACKGROUNDS) {
      expect({ bg, ratio: contrast(get(p), get(bg)) >= 4.5 }).toEqual({ bg, ratio: true })
    }
  })

  it('text colours reach 4.5:1 on every row', () => {
    for (const fg of ['fg', 'fg-muted', 'danger', 'warn', 'ok', 'accent']) {
      for (const bg of ROW_BACKGROUNDS) {
        expect({ fg, bg, ratio: contrast(get(fg), get(bg)) >= 4.5 }).toEqual({
          fg,
          bg,
          ratio: true,
        })
      }
    }
  })

  it('control borders reach 3:1 against the page, raised panels and the selection', () => {
    for (const bg of ['bg', 'bg-raised', 'bg-selected']) {
      expect({ bg, ratio: contrast(get('control-border'), get(bg)) >= 3 }).toEqual({
        bg,
        ratio: true,
      })
    }
  })
})
