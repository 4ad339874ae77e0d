/** Short, locale-independent time text for dense lists: "14:03" today, "3 Nov 14:03" otherwise. */
export function formatTime(iso: string | number, now = Date.now()): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return String(iso)
  const time = `${pad(date.getHours())}:${pad(date.getMinutes())}`
  const today = new Date(now)
  if (date.toDateString() === today.toDateString()) return time
  return `${date.getDate()} ${MONTHS[date.getMonth()] ?? ''} ${time}`
}

/** Epoch-nanosecond text to a time, via milliseconds (display only; ordering uses the text). */
export function formatNanos(ns: string, now = Date.now()): string {
  const ms = ns.length > 6 ? Number(ns.slice(0, -6)) : 0
  return formatTime(ms, now)
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n)
}

/**
 * How long ago, coarse enough to read at a glance in a row: "40 s", "5 m", "2 h 14 m", "3 d 4 h".
 * Two units at most; a time in the future (clock skew) reads as "0 s".
 */
export function formatAge(fromMs: number, now = Date.now()): string {
  const seconds = Math.max(0, Math.floor((now - fromMs) / 1000))
  if (seconds < 60) return `${seconds} s`
  const minutes = Math.floor(seconds / 60)
  if (minutes < 60) return `${minutes} m`
  const hours = Math.floor(minutes / 60)
  if (hours < 24) return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} m`
  const days = Math.floor(hours / 24)
  return hours % 24 === 0 ? `${days} d` : `${days} d ${hours % 24} h`
}

/** The full local date and time for a hover title: "Sun 6 Dec 2026 14:03:22". */
export function formatFullTime(iso: string | number): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return String(iso)
  const day = WEEKDAYS[date.getDay()] ?? ''
  const month = MONTHS[date.getMonth()] ?? ''
  const time = `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`
  return `${day} ${date.getDate()} ${month} ${date.getFullYear()} ${time}`
}

/** "1 alert", "3 alerts": counts said in words never read "1 alerts". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
